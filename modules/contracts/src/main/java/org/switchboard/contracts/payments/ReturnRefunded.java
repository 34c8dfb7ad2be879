package org.switchboard.contracts.payments;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.ReturnMessage;

/**
 * Payments refunded the returned order's authorised amount, once per return. Published on topic payments.events; Ordering marks the order returned.
 *
 * <p>Schema: {@code schema/payments/ReturnRefunded.v1.schema.json}.
 */
public record ReturnRefunded(
        UUID messageId,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        UUID returnId,
        UUID orderId,
        long amount)
        implements ReturnMessage {

    public static final String TYPE = "payments.ReturnRefunded";
    public static final int VERSION = 1;
}
