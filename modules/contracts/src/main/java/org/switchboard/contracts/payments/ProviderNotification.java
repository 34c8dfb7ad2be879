package org.switchboard.contracts.payments;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.SagaMessage;

/**
 * A notification of the payment provider (a pending payment settled, a payment charged back) as
 * Payments received it over HTTP: verified (signature, timestamp window), stored as a receipt and
 * written to Payments' outbox in one transaction before the provider got its 2xx, then processed
 * from this message like any other. Payments' own: it sends it to itself on queue
 * payments.webhooks. The message id is derived from the provider's event id, so a notification
 * the provider sends twice is one message.
 *
 * <p>Schema: {@code schema/payments/ProviderNotification.v1.schema.json}.
 */
public record ProviderNotification(
        UUID messageId,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        UUID sagaId,
        String eventId,
        String kind,
        String status,
        String reason)
        implements SagaMessage {

    public static final String TYPE = "payments.ProviderNotification";
    public static final int VERSION = 1;
}
