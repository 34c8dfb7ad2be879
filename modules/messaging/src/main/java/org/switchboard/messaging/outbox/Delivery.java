package org.switchboard.messaging.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * How the broker is to deliver a message from the outbox: its JMS priority (0-9, 4 the default),
 * how long after it is written it may be delivered (a delivery delay: timeouts are messages
 * scheduled this way) and how long it is worth delivering at all (a time-to-live; zero: for ever).
 * Delay and time-to-live count from when the message is written, not from when the relay sends it.
 */
public record Delivery(int priority, Duration delay, Duration timeToLive) {

    public static final int DEFAULT_PRIORITY = jakarta.jms.Message.DEFAULT_PRIORITY;

    public Delivery {
        if (priority < 0 || priority > 9) {
            throw new IllegalArgumentException("JMS priority is 0 to 9, not " + priority);
        }
        if (delay.isNegative() || timeToLive.isNegative()) {
            throw new IllegalArgumentException("Delay and time-to-live cannot be negative");
        }
    }

    /** At once, default priority, never expires. */
    public static Delivery standard() {
        return new Delivery(DEFAULT_PRIORITY, Duration.ZERO, Duration.ZERO);
    }

    public Delivery withPriority(int jmsPriority) {
        return new Delivery(jmsPriority, delay, timeToLive);
    }

    public Delivery delayedBy(Duration deliveryDelay) {
        return new Delivery(priority, deliveryDelay, timeToLive);
    }

    public Delivery expiringAfter(Duration ttl) {
        return new Delivery(priority, delay, ttl);
    }

    /** When the broker may deliver it, for a message written at {@code writtenAt}; null: at once. */
    Instant deliverAt(Instant writtenAt) {
        return delay.isZero() ? null : writtenAt.plus(delay);
    }

    /** When it expires, for a message written at {@code writtenAt}; null: never. */
    Instant expiresAt(Instant writtenAt) {
        return timeToLive.isZero() ? null : writtenAt.plus(timeToLive);
    }

    /** A delivery as stored: the priority and the instants the delay and time-to-live end at (null: none). */
    record Scheduled(int priority, Instant deliverAt, Instant expiresAt) {

        /** What is left of the delivery delay when sent at {@code now}, in ms; 0: at once. */
        long remainingDelay(Instant now) {
            return deliverAt == null
                    ? 0
                    : Math.max(0, Duration.between(now, deliverAt).toMillis());
        }

        /**
         * What is left of the time-to-live when sent at {@code now}, in ms; 0: never expires. A
         * message already past its time still goes out, with 1 ms, so that the broker expires it to
         * the expiry queue where it is seen, rather than the relay dropping it silently.
         */
        long remainingTimeToLive(Instant now) {
            return expiresAt == null
                    ? 0
                    : Math.max(1, Duration.between(now, expiresAt).toMillis());
        }
    }
}
