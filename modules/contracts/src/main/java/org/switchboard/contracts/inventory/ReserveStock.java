package org.switchboard.contracts.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.switchboard.contracts.SagaMessage;

/**
 * Asks Inventory to reserve stock for an order. Sent by Ordering's saga to queue inventory.commands; Inventory reserves all lines or none, once per saga, and answers StockReserved or StockUnavailable on ordering.replies.
 *
 * <p>Schema: {@code schema/inventory/ReserveStock.v1.schema.json}.
 */
public record ReserveStock(
        UUID messageId,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        UUID sagaId,
        UUID orderId,
        List<StockLine> lines)
        implements SagaMessage {

    public static final String TYPE = "inventory.ReserveStock";
    public static final int VERSION = 1;
}
