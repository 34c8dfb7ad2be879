package org.switchboard.contracts.ordering;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.SagaMessage;

/**
 * Ordering's reminder to itself that a saga step's deadline passed: written with the step's command, in the same transaction, and delivered by the broker after the step's timeout (a JMS delivery delay). It changes the saga only if the saga still waits in that step and attempt; otherwise it is late and changes nothing. Sent to queue ordering.replies.
 *
 * <p>Schema: {@code schema/ordering/SagaTimeout.v1.schema.json}.
 */
public record SagaTimeout(
        UUID messageId, Instant occurredAt, UUID correlationId, UUID causationId, UUID sagaId, String step, int attempt)
        implements SagaMessage {

    public static final String TYPE = "ordering.SagaTimeout";
    public static final int VERSION = 1;
}
