package org.switchboard.contracts.shipping;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.SagaMessage;

/**
 * Asks Shipping to arrange the shipment of an order. Sent to queue shipping.commands; Shipping arranges once per saga and answers ShipmentArranged or ShipmentFailed on ordering.replies.
 *
 * <p>Schema: {@code schema/shipping/ArrangeShipment.v1.schema.json}.
 */
public record ArrangeShipment(
        UUID messageId,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        UUID sagaId,
        UUID orderId,
        UUID customerId,
        boolean express)
        implements SagaMessage {

    public static final String TYPE = "shipping.ArrangeShipment";
    public static final int VERSION = 1;
}
