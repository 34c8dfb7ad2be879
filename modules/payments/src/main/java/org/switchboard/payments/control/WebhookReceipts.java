package org.switchboard.payments.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.contracts.payments.ProviderNotification;
import org.switchboard.messaging.outbox.Delivery;
import org.switchboard.payments.control.WebhookSignatures.Refused;
import org.switchboard.payments.entity.Authorisation;
import org.switchboard.payments.entity.KeySlot;
import org.switchboard.payments.entity.NotificationKind;
import org.switchboard.payments.entity.ProviderWebhook;
import org.switchboard.payments.entity.Refusal;
import org.switchboard.payments.entity.WebhookOutcome;

/**
 * Store and forward of verified provider notifications: the receipt (keyed by the provider's event
 * id) and the {@link ProviderNotification} in Payments' outbox are written in one local
 * transaction, and only after its commit is the provider answered 2xx. A crash before the commit
 * leaves nothing and the provider sends again; a crash after it leaves the outbox row, which the
 * relay sends. The same event received again finds its receipt and writes nothing.
 */
@ApplicationScoped
public class WebhookReceipts {

    /** A notification as read from the provider's body. */
    public record Notification(String eventId, NotificationKind kind, UUID sagaId, String status, String reason) {}

    @PersistenceContext(unitName = "payments")
    EntityManager em;

    @EJB
    PaymentsOutbox outbox;

    @Resource(lookup = "java:/jms/queue/payments.webhooks")
    Queue webhooks;

    /**
     * Reads a verified body: {@code {"eventId", "type", "payment": {"reference", "status", "reason"?}}}.
     * Empty for an event type Payments does not act on; {@link Refused} (MALFORMED) if it cannot be
     * read, or if {@code headerEventId} names another event than the signed body.
     */
    public static Optional<Notification> read(String headerEventId, byte[] body) {
        JsonObject json;
        try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw malformed("The body is not a JSON object");
        }
        var eventId = text(json, "eventId", 100);
        if (headerEventId != null
                && !headerEventId.isBlank()
                && !headerEventId.strip().equals(eventId)) {
            throw malformed("X-Provider-Event-Id names another event than the signed body");
        }
        var kind = NotificationKind.ofEventType(text(json, "type", 100));
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        if (!(json.get("payment") instanceof JsonObject payment)) {
            throw malformed("payment must be an object");
        }
        UUID sagaId;
        try {
            sagaId = UUID.fromString(text(payment, "reference", 36));
        } catch (IllegalArgumentException e) {
            throw malformed("payment.reference is not one of our payment references");
        }
        var status = text(payment, "status", 30);
        try {
            ProviderStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw malformed("payment.status " + status + " is not a status we know");
        }
        var reason = payment.get("reason") instanceof JsonString why ? why.getString() : "";
        return Optional.of(new Notification(
                eventId, kind.get(), sagaId, status, reason.length() <= 500 ? reason : reason.substring(0, 500)));
    }

    /** Stores the receipt and queues the notification, once per event id. */
    @Transactional(Transactional.TxType.REQUIRED)
    public WebhookOutcome store(Notification notification, KeySlot slot, Instant signedAt, byte[] body) {
        var now = Instant.now();
        var stored = em.createNativeQuery("insert into payments.provider_webhook (event_id, kind, saga_id, status,"
                        + " key_slot, signed_at, received_at, body) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                        + " on conflict (event_id) do nothing")
                .setParameter(1, notification.eventId())
                .setParameter(2, notification.kind().name())
                .setParameter(3, notification.sagaId())
                .setParameter(4, notification.status())
                .setParameter(5, slot.name())
                .setParameter(6, signedAt)
                .setParameter(7, now)
                .setParameter(8, new String(body, StandardCharsets.UTF_8))
                .executeUpdate();
        if (stored == 0) {
            return WebhookOutcome.DUPLICATE;
        }
        var messageId =
                UUID.nameUUIDFromBytes(("provider-webhook:" + notification.eventId()).getBytes(StandardCharsets.UTF_8));
        var authorisation = em.find(Authorisation.class, notification.sagaId());
        var correlationId = authorisation == null || authorisation.correlationId() == null
                ? messageId
                : authorisation.correlationId();
        outbox.add(
                new ProviderNotification(
                        messageId,
                        now,
                        correlationId,
                        messageId,
                        notification.sagaId(),
                        notification.eventId(),
                        notification.kind().name(),
                        notification.status(),
                        notification.reason()),
                webhooks,
                Delivery.standard());
        return WebhookOutcome.ACCEPTED;
    }

    /** The receipts of a saga's payment, newest first (for tests and support). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.List<ProviderWebhook> ofSaga(UUID sagaId) {
        return em.createQuery(
                        "select w from ProviderWebhook w where w.sagaId = :saga order by w.receivedAt desc",
                        ProviderWebhook.class)
                .setParameter("saga", sagaId)
                .getResultList();
    }

    private static String text(JsonObject json, String field, int max) {
        if (!(json.get(field) instanceof JsonString value) || value.getString().isBlank()) {
            throw malformed(field + " is missing or not a string");
        }
        if (value.getString().length() > max) {
            throw malformed(field + " is longer than " + max + " characters");
        }
        return value.getString();
    }

    private static Refused malformed(String detail) {
        return new Refused(Refusal.MALFORMED, detail);
    }
}
