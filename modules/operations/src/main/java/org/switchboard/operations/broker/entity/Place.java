package org.switchboard.operations.broker.entity;

/** Where in a queue a message was found. */
public enum Place {
    /** Waiting for a consumer. */
    WAITING,
    /** Waiting for its redelivery after a failed attempt. */
    SCHEDULED,
    /** Handed to a consumer, not yet acknowledged. */
    DELIVERING
}
