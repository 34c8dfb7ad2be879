package org.switchboard.contracts.payments;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.SagaMessage;

/**
 * Asks Payments to void (or refund) what it authorised for a saga (the saga's compensation). Idempotent: nothing authorised, or already voided, changes nothing. No reply.
 *
 * <p>Schema: {@code schema/payments/RefundPayment.v1.schema.json}.
 */
public record RefundPayment(
        UUID messageId, Instant occurredAt, UUID correlationId, UUID causationId, UUID sagaId, UUID orderId)
        implements SagaMessage {

    public static final String TYPE = "payments.RefundPayment";
    public static final int VERSION = 1;
}
