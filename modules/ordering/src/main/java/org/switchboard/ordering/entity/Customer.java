package org.switchboard.ordering.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Ordering's own copy of a Web Store customer, as its CustomerRegistered event told it. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @Column(name = "customer_id")
    private UUID customerId;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 201)
    private String displayName;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "source_message_id", nullable = false)
    private UUID sourceMessageId;

    protected Customer() {}

    public Customer(UUID customerId, String email, String displayName, Instant registeredAt, UUID sourceMessageId) {
        this.customerId = customerId;
        this.email = email;
        this.displayName = displayName;
        this.registeredAt = registeredAt;
        this.sourceMessageId = sourceMessageId;
    }

    public UUID customerId() {
        return customerId;
    }
}
