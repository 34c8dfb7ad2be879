package org.switchboard.operations.boundary;

import java.time.Instant;

/**
 * One broker queue as an operator sees it, at one moment.
 *
 * @param queue the Artemis queue (for a JMS queue its core name, e.g. {@code jms.queue.marketing.commands};
 *     for a topic subscription the subscription's queue, e.g. {@code integration})
 * @param kind what the queue is for
 * @param deadLetterQueue where this queue's dead letters go (null for dead-letter and expiry queues)
 * @param depth messages waiting, including in-flight and scheduled ones ({@code MessageCount})
 * @param inFlight delivered to a consumer, not yet acknowledged ({@code DeliveringCount})
 * @param scheduled waiting for a delayed redelivery ({@code ScheduledCount})
 * @param addedPerSecond messages added per second since the previous sample (0 for the first)
 * @param oldestMessageAgeMillis age of the oldest waiting message, null when empty
 * @param deadLetterDepth depth of {@code deadLetterQueue}, 0 when there is none
 */
public record QueueStatus(
        String queue,
        String address,
        Kind kind,
        String deadLetterQueue,
        long depth,
        int inFlight,
        long scheduled,
        int consumers,
        long messagesAdded,
        long messagesAcknowledged,
        long messagesKilled,
        double addedPerSecond,
        double acknowledgedPerSecond,
        Long oldestMessageAgeMillis,
        long deadLetterDepth,
        Instant sampledAt) {

    public enum Kind {
        /** A JMS queue an application consumes. */
        QUEUE,
        /** The queue of a topic subscription. */
        SUBSCRIPTION,
        /** Named as a dead-letter address in the broker's address settings. */
        DEAD_LETTER,
        /** Named as an expiry address in the broker's address settings. */
        EXPIRY
    }
}
