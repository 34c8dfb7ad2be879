package org.switchboard.operations.foureyes.entity;

/**
 * What an audit entry records, for dead letters and for saga re-drives alike. Stored by name; the
 * names are the audit trail's vocabulary.
 */
public enum AuditAction {
    /** An operator asked to replay dead letters. */
    REQUESTED_REPLAY,
    /** An operator asked to delete dead letters. */
    REQUESTED_DELETE,
    /** Someone tried to decide on their own request, and was refused. */
    SELF_DECISION_REFUSED,
    APPROVED,
    REJECTED,
    /** Carrying out an approved replay began (detail: how many messages). */
    REPLAY_STARTED,
    /** Carrying out an approved deletion began (detail: how many messages). */
    DELETE_STARTED,
    /** One message moved back to where it came from. */
    REPLAYED,
    /** One message removed for good. */
    DELETED,
    /** One message of a request was no longer in its queue. */
    NOT_FOUND,
    /** Carrying out an approved replay ended (detail: the counts). */
    REPLAY_FINISHED,
    /** Carrying out an approved deletion ended (detail: the counts). */
    DELETE_FINISHED,
    /** Someone looked at a dead letter's unmasked body. */
    REVEALED,
    /**
     * Dead letters left a dead-letter queue without a four-eyes request: the broker's counters show
     * more removed than Switchboard replayed or deleted (management console, CLI, JMX, a JMS
     * consumer). Actor: whoever it was is unknown to Switchboard; see the server's management
     * audit log.
     */
    CHANGED_OUTSIDE_FOUR_EYES,
    /** An operator asked to resend a stuck saga's pending command (detail: the saga). */
    REQUESTED_RESEND_PENDING,
    /** An operator asked to force a stuck saga's compensation (detail: the saga). */
    REQUESTED_FORCE_COMPENSATION,
    /** An approved re-drive was written to Operations' outbox, for Ordering, with the approval. */
    REDRIVE_SENT;
}
