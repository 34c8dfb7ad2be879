package org.switchboard.contracts.ordering;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.Message;

/**
 * Every step of an order's saga succeeded: the stock is reserved, the payment authorised and the shipment arranged. Published on topic ordering.events; Partners tells the partners that subscribed to it.
 *
 * <p>Schema: {@code schema/ordering/OrderConfirmed.v1.schema.json}.
 */
public record OrderConfirmed(
        UUID messageId,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        UUID orderId,
        UUID customerId,
        long amount,
        String currency)
        implements Message {

    public static final String TYPE = "ordering.OrderConfirmed";
    public static final int VERSION = 1;
}
