package org.switchboard.benchmark.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "contact", schema = "peer")
public class Contact {

    @Id
    UUID id;

    @Column(name = "customer_id")
    UUID customerId;

    String email;

    @Column(name = "full_name")
    String fullName;

    @Column(name = "created_at")
    Instant createdAt;

    protected Contact() {}

    Contact(UUID customerId, String email, String fullName) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.email = email;
        this.fullName = fullName;
        this.createdAt = Instant.now();
    }
}
