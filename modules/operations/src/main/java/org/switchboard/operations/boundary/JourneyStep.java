package org.switchboard.operations.boundary;

import java.time.Instant;

/**
 * One thing that happened to one message of a flow: a delivery that ended (outcome PROCESSED,
 * DUPLICATE or DEAD_LETTERED, from the consumer's journey note), or where the message is right now
 * (WAITING in a queue, RETRYING after a failed delivery, IN_DEAD_LETTER_QUEUE, EXPIRED).
 *
 * @param messageId the message's own {@code messageId}
 * @param causationId the message that caused it, when known (from the broker's copy)
 * @param destination where it was sent (queue or topic name)
 * @param where the queue it is in now, for WAITING/RETRYING/IN_DEAD_LETTER_QUEUE/EXPIRED
 * @param handledAt when the delivery ended, for outcomes from notes
 */
public record JourneyStep(
        String messageId,
        String type,
        Integer schemaVersion,
        String causationId,
        String destination,
        String subscription,
        String context,
        String consumer,
        Instant sentAt,
        Instant handledAt,
        Integer deliveryCount,
        String outcome,
        String reason,
        String where) {

    /** Outcomes that say where a message is now, rather than how a delivery ended. */
    public boolean live() {
        return where != null;
    }
}
