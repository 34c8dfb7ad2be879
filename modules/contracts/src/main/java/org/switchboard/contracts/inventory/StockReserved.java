package org.switchboard.contracts.inventory;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.SagaMessage;

/**
 * Inventory reserved every line of the saga's ReserveStock. Sent to queue ordering.replies.
 *
 * <p>Schema: {@code schema/inventory/StockReserved.v1.schema.json}.
 */
public record StockReserved(UUID messageId, Instant occurredAt, UUID correlationId, UUID causationId, UUID sagaId)
        implements SagaMessage {

    public static final String TYPE = "inventory.StockReserved";
    public static final int VERSION = 1;
}
