package org.switchboard.operations.broker.entity;

import java.time.Instant;

/**
 * One broker queue at one moment, with what it is for.
 *
 * @param queue the Artemis queue (for a JMS queue its core name, e.g. {@code jms.queue.marketing.commands};
 *     for a topic subscription the subscription's queue, e.g. {@code integration})
 * @param address the core address the queue is bound to
 * @param deadLetterQueue where this queue's dead letters go (null for dead-letter and expiry queues)
 * @param seen which broker holds it, which nodes consume from it, and when it was read
 */
public record QueueSample(
        String queue, String address, QueueKind kind, String deadLetterQueue, Load load, Counters counters, Seen seen) {

    public Instant sampledAt() {
        return seen.sampledAt();
    }
}
