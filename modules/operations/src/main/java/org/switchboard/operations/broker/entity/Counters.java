package org.switchboard.operations.broker.entity;

/**
 * A queue's counters since the broker started (they start at 0 with it): messages added,
 * acknowledged (consumed, or moved by a management operation), killed (dead-lettered, or removed by
 * a management operation), and expired.
 */
public record Counters(long messagesAdded, long messagesAcknowledged, long messagesKilled, long messagesExpired) {

    /** Messages that left the queue, whichever way. */
    public long removed() {
        return messagesAcknowledged + messagesKilled + messagesExpired;
    }
}
