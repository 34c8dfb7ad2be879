package org.switchboard.contracts.inventory;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.ReturnMessage;

/**
 * Inventory took a return's restocked quantities back out of stock, because the refund failed: the return's compensation. Published on topic inventory.events.
 *
 * <p>Schema: {@code schema/inventory/RestockReversed.v1.schema.json}.
 */
public record RestockReversed(
        UUID messageId, Instant occurredAt, UUID correlationId, UUID causationId, UUID returnId, UUID orderId)
        implements ReturnMessage {

    public static final String TYPE = "inventory.RestockReversed";
    public static final int VERSION = 1;
}
