package org.switchboard.operations.journeys.entity;

/**
 * What a journey step says: how a delivery ended (from the consumer's journey note, the outcomes of
 * {@code MessageHandled}), or where the message is right now (from the broker).
 */
public enum Outcome {
    /** Handled by its consumer. */
    PROCESSED,
    /** Seen before by its consumer, and ignored. */
    DUPLICATE,
    /** Refused by its consumer and sent to the dead-letter queue. */
    DEAD_LETTERED,
    /** In a queue, waiting for a consumer. */
    WAITING,
    /** Handed to a consumer, not yet acknowledged. */
    IN_DELIVERY,
    /** Failed, waiting in its queue for its next delivery. */
    RETRYING,
    /** In a dead-letter queue. */
    IN_DEAD_LETTER_QUEUE,
    /** In the expiry queue. */
    EXPIRED;

    /** Parked where nothing will handle it without a person. */
    public boolean stuck() {
        return this == IN_DEAD_LETTER_QUEUE || this == EXPIRED;
    }
}
