package org.switchboard.contracts.ordering;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.Message;

/**
 * An order's saga ended without confirming the order: a step failed, timed out or expired, and the completed steps were compensated. Published on topic ordering.events with the reason; Partners tells the partners that subscribed to it.
 *
 * <p>Schema: {@code schema/ordering/OrderCancelled.v1.schema.json}.
 */
public record OrderCancelled(
        UUID messageId,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        UUID orderId,
        UUID customerId,
        String reason)
        implements Message {

    public static final String TYPE = "ordering.OrderCancelled";
    public static final int VERSION = 1;
}
