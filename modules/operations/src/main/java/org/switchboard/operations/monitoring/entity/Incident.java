package org.switchboard.operations.monitoring.entity;

import java.time.Instant;

/**
 * Something that needs a person, from the check that first found it until the one that finds it
 * gone: a dead-letter queue that is not empty, the database down, in-doubt transactions.
 *
 * @param queue the dead-letter queue (only for {@link IncidentKind#DEAD_LETTERS})
 * @param reason why, as its alerts say: why the first message was dead-lettered, what the database
 *     answered, which transactions are in doubt
 * @param lastNotified when the last alert about it was raised
 * @param count messages in the queue, or transactions in doubt, at the last check (1 for the database)
 */
public record Incident(
        String id, IncidentKind kind, String queue, Instant started, Instant lastNotified, long count, String reason) {

    /** The same incident at a later check. */
    public Incident counting(long current) {
        return new Incident(id, kind, queue, started, lastNotified, current, reason);
    }

    /** The same incident, just alerted about again. */
    public Incident notified(Instant at, long current) {
        return new Incident(id, kind, queue, started, at, current, reason);
    }
}
