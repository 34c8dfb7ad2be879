package org.switchboard.contracts.shipping;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.SagaMessage;

/**
 * Shipping arranged the saga's shipment. Sent to queue ordering.replies.
 *
 * <p>Schema: {@code schema/shipping/ShipmentArranged.v1.schema.json}.
 */
public record ShipmentArranged(
        UUID messageId, Instant occurredAt, UUID correlationId, UUID causationId, UUID sagaId, UUID shipmentId)
        implements SagaMessage {

    public static final String TYPE = "shipping.ShipmentArranged";
    public static final int VERSION = 1;
}
