package org.switchboard.webstore.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What a registration made under an {@code Idempotency-Key} came to: the customer it created and
 * the correlation id it was answered with. Only a registration that took effect is remembered; a
 * refused one stored nothing, and the same request is refused again the same way.
 */
@Entity
@Table(name = "idempotency_key")
public class RegistrationOutcome {

    @Id
    @Column(name = "idempotency_key", length = 200)
    private String key;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(name = "correlation_id", nullable = false)
    private UUID correlationId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RegistrationOutcome() {}

    public RegistrationOutcome(
            String key, String requestHash, CustomerId customer, UUID correlationId, Instant createdAt) {
        this.key = key;
        this.requestHash = requestHash;
        this.customerId = customer.value();
        this.correlationId = correlationId;
        this.createdAt = createdAt;
    }

    /** Whether a request with this hash is the one that was made under the key. */
    public boolean isFor(String requestHash) {
        return this.requestHash.equals(requestHash);
    }

    public UUID customerId() {
        return customerId;
    }
}
