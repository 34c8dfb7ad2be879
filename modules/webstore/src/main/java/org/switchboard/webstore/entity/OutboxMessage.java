package org.switchboard.webstore.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A message the Web Store has decided to publish, stored with the change it reports until a relay
 * has handed it to the broker. Body and headers are exactly what goes on the wire.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", nullable = false, unique = true)
    private UUID messageId;

    @Column(name = "message_type", nullable = false, length = 200)
    private String messageType;

    /** The JMS headers and properties as a JSON object. */
    @Column(nullable = false)
    private String headers;

    @Column(nullable = false)
    private String body;

    @Column(name = "correlation_id", nullable = false)
    private UUID correlationId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Until when a relay holds this message; null or past: free to take. */
    @Column(name = "lease_until")
    private Instant leaseUntil;

    protected OutboxMessage() {}

    public OutboxMessage(
            UUID messageId, String messageType, String headers, String body, UUID correlationId, Instant createdAt) {
        this.messageId = messageId;
        this.messageType = messageType;
        this.headers = headers;
        this.body = body;
        this.correlationId = correlationId;
        this.createdAt = createdAt;
    }

    public void lease(Instant now, Duration duration) {
        leaseUntil = now.plus(duration);
    }

    public Long id() {
        return id;
    }

    public UUID messageId() {
        return messageId;
    }

    public String messageType() {
        return messageType;
    }

    public String headers() {
        return headers;
    }

    public String body() {
        return body;
    }

    public UUID correlationId() {
        return correlationId;
    }
}
