package org.switchboard.operations.broker.entity;

/**
 * What waits in a queue and who works on it, at one moment.
 *
 * @param depth messages waiting, including in-flight and scheduled ones ({@code MessageCount})
 * @param inFlight delivered to a consumer, not yet acknowledged ({@code DeliveringCount})
 * @param scheduled waiting for a delayed redelivery ({@code ScheduledCount})
 * @param consumers consumers attached ({@code ConsumerCount})
 * @param oldestMessageAgeMillis age of the oldest waiting message, null when empty
 * @param paused delivery stopped by the broker's management ({@code pause}): its messages wait,
 *     whatever its consumers could do, until someone resumes it
 */
public record Load(
        long depth, int inFlight, long scheduled, int consumers, Long oldestMessageAgeMillis, boolean paused) {

    /** Waiting for a consumer: neither being delivered nor waiting for a redelivery. */
    public long waiting() {
        return depth - inFlight - scheduled;
    }
}
