package org.switchboard.operations.broker.entity;

/** What a broker queue is for, as the broker's address settings say. */
public enum QueueKind {
    /** A JMS queue an application consumes. */
    QUEUE,
    /** The queue of a topic subscription. */
    SUBSCRIPTION,
    /** Named as a dead-letter address in the broker's address settings. */
    DEAD_LETTER,
    /** Named as an expiry address in the broker's address settings. */
    EXPIRY;

    /** A dead-letter or expiry queue: a message there waits for a person, not for a consumer. */
    public boolean parks() {
        return this == DEAD_LETTER || this == EXPIRY;
    }
}
