package org.switchboard.operations.monitoring.boundary;

import java.time.Duration;
import org.switchboard.operations.broker.entity.QueueSample;

/**
 * One broker queue as an operator sees it, at one moment: the broker's sample (what it is for,
 * what waits in it, its counters), the rates since the previous sample, and how many of its dead
 * letters wait. In JSON one flat object, as the API has always shown it
 * ({@link org.switchboard.operations.FlatJson}).
 *
 * @param deadLetterDepth depth of the sample's {@code deadLetterQueue}, 0 when there is none
 */
public record QueueStatus(QueueSample sample, Rates rates, long deadLetterDepth) {

    /**
     * Messages added and acknowledged per second since the previous sample (0 for the first).
     */
    public record Rates(double addedPerSecond, double acknowledgedPerSecond) {

        static final Rates NONE = new Rates(0, 0);

        /** From two samples of one queue. */
        static Rates between(QueueSample before, QueueSample after) {
            if (before == null) {
                return NONE;
            }
            var seconds =
                    Duration.between(before.sampledAt(), after.sampledAt()).toMillis() / 1000.0;
            return new Rates(
                    rate(before.counters().messagesAdded(), after.counters().messagesAdded(), seconds),
                    rate(
                            before.counters().messagesAcknowledged(),
                            after.counters().messagesAcknowledged(),
                            seconds));
        }

        private static double rate(long before, long after, double seconds) {
            return seconds <= 0 ? 0 : Math.max(0, after - before) / seconds;
        }
    }

    public String queue() {
        return sample.queue();
    }
}
