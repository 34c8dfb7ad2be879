package org.switchboard.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The receipt of one provider notification, by the provider's event id: written with the
 * notification's outbox row before the provider is answered (store and forward), so that a
 * notification received twice is forwarded once and a crash after the 2xx loses nothing.
 */
@Entity
@Table(name = "provider_webhook")
public class ProviderWebhook {

    @Id
    @Column(name = "event_id", length = 100)
    private String eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private NotificationKind kind;

    @Column(name = "saga_id", nullable = false)
    private UUID sagaId;

    @Column(nullable = false, length = 30)
    private String status;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_slot", nullable = false, length = 10)
    private KeySlot keySlot;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(nullable = false)
    private String body;

    @Column(name = "processed_at")
    private Instant processedAt;

    @Column(length = 500)
    private String outcome;

    protected ProviderWebhook() {}

    /** A verified notification as received; {@code body} is its raw text, kept for an audit. */
    public ProviderWebhook(
            String eventId, NotificationKind kind, UUID sagaId, String status, KeySlot keySlot, Instant signedAt) {
        this.eventId = eventId;
        this.kind = kind;
        this.sagaId = sagaId;
        this.status = status;
        this.keySlot = keySlot;
        this.signedAt = signedAt;
    }

    public ProviderWebhook received(String rawBody, Instant now) {
        this.body = rawBody;
        this.receivedAt = now;
        return this;
    }

    /** Payments applied it: what came of it, in words. */
    public void processed(String what, Instant now) {
        this.outcome = what == null || what.length() <= 500 ? what : what.substring(0, 500);
        this.processedAt = now;
    }

    public String eventId() {
        return eventId;
    }

    public NotificationKind kind() {
        return kind;
    }

    public UUID sagaId() {
        return sagaId;
    }

    public String status() {
        return status;
    }
}
