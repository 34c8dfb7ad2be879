package org.switchboard.contracts.operations;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.Message;

/**
 * A consumer's note that it finished with a message: which message, from where, when it was sent
 * and handled, after how many deliveries, and how it ended. Sent to queue {@code ops.journey} in
 * the same transaction as the handling itself, so a note exists exactly when the handling
 * committed. Operations keeps these notes to answer "where is this flow now?" by correlation id.
 *
 * <p>It carries ids, types, places and times, never the handled message's body.
 *
 * <p>{@code correlationId} is the handled message's own, {@code causationId} is the handled
 * message's {@code messageId}, and {@code handledCausationId} is what caused the handled message,
 * which links the notes of a flow into a chain. Schema: {@code schema/operations/MessageHandled.v1.schema.json}.
 */
public record MessageHandled(
        UUID messageId,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        String handledType,
        Integer handledSchemaVersion,
        UUID handledCausationId,
        String destination,
        String subscription,
        String context,
        String consumer,
        Instant sentAt,
        Integer deliveryCount,
        String outcome,
        String reason)
        implements Message {

    public static final String TYPE = "operations.MessageHandled";
    public static final int VERSION = 1;

    /** How a consumer finished with a message. */
    public static final String PROCESSED = "PROCESSED";

    public static final String DUPLICATE = "DUPLICATE";
    public static final String DEAD_LETTERED = "DEAD_LETTERED";
}
