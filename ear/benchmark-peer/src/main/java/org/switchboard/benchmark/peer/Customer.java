package org.switchboard.benchmark.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "customer", schema = "peer")
public class Customer {

    @Id
    UUID id;

    String email;

    @Column(name = "full_name")
    String fullName;

    @Column(name = "registered_at")
    Instant registeredAt;

    protected Customer() {}

    Customer(String email, String fullName) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.fullName = fullName;
        this.registeredAt = Instant.now();
    }
}
