package org.switchboard.contracts.inventory;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.ReturnMessage;

/**
 * Inventory put the returned lines back into stock, once per return. Published on topic inventory.events; Payments refunds the order when it hears it.
 *
 * <p>Schema: {@code schema/inventory/StockRestocked.v1.schema.json}.
 */
public record StockRestocked(
        UUID messageId, Instant occurredAt, UUID correlationId, UUID causationId, UUID returnId, UUID orderId)
        implements ReturnMessage {

    public static final String TYPE = "inventory.StockRestocked";
    public static final int VERSION = 1;
}
