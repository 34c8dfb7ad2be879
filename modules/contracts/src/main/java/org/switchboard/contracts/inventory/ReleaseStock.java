package org.switchboard.contracts.inventory;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.SagaMessage;

/**
 * Asks Inventory to release what it reserved for a saga (the saga's compensation). Idempotent: releasing a reservation already released, or never made, changes nothing. No reply.
 *
 * <p>Schema: {@code schema/inventory/ReleaseStock.v1.schema.json}.
 */
public record ReleaseStock(
        UUID messageId, Instant occurredAt, UUID correlationId, UUID causationId, UUID sagaId, UUID orderId)
        implements SagaMessage {

    public static final String TYPE = "inventory.ReleaseStock";
    public static final int VERSION = 1;
}
