package org.switchboard.contracts.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.switchboard.contracts.ReturnMessage;

/**
 * A customer asked to return a confirmed order, and Ordering accepted the request: the goods come back. Published on topic ordering.events; Inventory restocks the lines it carries.
 *
 * <p>Schema: {@code schema/ordering/ReturnRequested.v1.schema.json}.
 */
public record ReturnRequested(
        UUID messageId,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        UUID returnId,
        UUID orderId,
        List<ReturnedLine> lines)
        implements ReturnMessage {

    public static final String TYPE = "ordering.ReturnRequested";
    public static final int VERSION = 1;
}
