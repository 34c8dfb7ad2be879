package org.switchboard.contracts.payments;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.ReturnMessage;

/**
 * Payments could not refund the returned order (no authorisation held for it, or the customer's refunds are on hold); nothing is refunded. Published on topic payments.events; Inventory reverses its restock and Ordering rejects the return.
 *
 * <p>Schema: {@code schema/payments/ReturnRefundFailed.v1.schema.json}.
 */
public record ReturnRefundFailed(
        UUID messageId,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        UUID returnId,
        UUID orderId,
        String reason)
        implements ReturnMessage {

    public static final String TYPE = "payments.ReturnRefundFailed";
    public static final int VERSION = 1;
}
