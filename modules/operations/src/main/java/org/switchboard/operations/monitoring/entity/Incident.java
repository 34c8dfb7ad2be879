package org.switchboard.operations.monitoring.entity;

import java.time.Instant;

/**
 * One dead-letter queue that is not empty, from the sample that first found it so until the one
 * that finds it empty again.
 *
 * @param reason why its first message was dead-lettered, as its alerts say
 * @param lastNotified when the last alert about it was raised
 * @param count messages in the queue at the last sample
 */
public record Incident(String id, String queue, Instant started, Instant lastNotified, long count, String reason) {

    /** The same incident at a later sample. */
    public Incident counting(long messages) {
        return new Incident(id, queue, started, lastNotified, messages, reason);
    }

    /** The same incident, just alerted about again. */
    public Incident notified(Instant at, long messages) {
        return new Incident(id, queue, started, at, messages, reason);
    }
}
