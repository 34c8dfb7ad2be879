package org.switchboard.contracts.shipping;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.SagaMessage;

/**
 * Shipping could not arrange the saga's shipment; nothing is arranged. Sent to queue ordering.replies.
 *
 * <p>Schema: {@code schema/shipping/ShipmentFailed.v1.schema.json}.
 */
public record ShipmentFailed(
        UUID messageId, Instant occurredAt, UUID correlationId, UUID causationId, UUID sagaId, String reason)
        implements SagaMessage {

    public static final String TYPE = "shipping.ShipmentFailed";
    public static final int VERSION = 1;
}
