package org.switchboard.contracts.ordering;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.SagaMessage;

/**
 * Operations' command to Ordering, sent once an approver approved an operator's request to re-drive
 * a stuck order saga (four eyes): {@code RESEND_PENDING} sends the pending step's command again
 * (same saga id, so the participant's answer is the one it gave or will give), {@code
 * FORCE_COMPENSATION} cancels the saga and compensates what it did. Ordering applies it once (its
 * message id is the request's id) and only while the saga still waits in a step; a saga that ended
 * meanwhile is left as it is and the outcome is written to its history. Sent to queue
 * ordering.redrives, where only Operations may send.
 *
 * <p>Schema: {@code schema/ordering/RedriveSaga.v1.schema.json}.
 */
public record RedriveSaga(
        UUID messageId,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        UUID sagaId,
        String action,
        String requestedBy,
        String approvedBy,
        String reason)
        implements SagaMessage {

    public static final String TYPE = "ordering.RedriveSaga";
    public static final int VERSION = 1;
}
