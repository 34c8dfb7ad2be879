package org.switchboard.contracts.inventory;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.SagaMessage;

/**
 * Inventory could not reserve the saga's ReserveStock (a SKU unknown or short); nothing is reserved. Sent to queue ordering.replies.
 *
 * <p>Schema: {@code schema/inventory/StockUnavailable.v1.schema.json}.
 */
public record StockUnavailable(
        UUID messageId, Instant occurredAt, UUID correlationId, UUID causationId, UUID sagaId, String reason)
        implements SagaMessage {

    public static final String TYPE = "inventory.StockUnavailable";
    public static final int VERSION = 1;
}
