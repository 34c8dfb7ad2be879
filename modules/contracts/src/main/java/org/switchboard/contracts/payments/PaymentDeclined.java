package org.switchboard.contracts.payments;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.SagaMessage;

/**
 * Payments declined the saga's authorisation (over the customer's limit); nothing is held. Sent to queue ordering.replies.
 *
 * <p>Schema: {@code schema/payments/PaymentDeclined.v1.schema.json}.
 */
public record PaymentDeclined(
        UUID messageId, Instant occurredAt, UUID correlationId, UUID causationId, UUID sagaId, String reason)
        implements SagaMessage {

    public static final String TYPE = "payments.PaymentDeclined";
    public static final int VERSION = 1;
}
