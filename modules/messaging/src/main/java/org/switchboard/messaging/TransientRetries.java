package org.switchboard.messaging;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The failure budget for an outage: a delivery that failed because the database or the broker is
 * unavailable ({@link Transience}) does not burn one of the message's delivery attempts. Instead
 * the message is sent again to its own queue with a growing delivery delay (1 s, 2 s, 4 s, …
 * capped at 60 s by default) and the failed delivery is acknowledged; the copy carries the same
 * message id, so the consumer's idempotency makes any overlap harmless. After the budget (30 min
 * by default, counted from the first transient failure) the failure is treated like any other:
 * the broker's redeliveries and then the dead-letter queue. Settings, through MicroProfile Config:
 * {@code switchboard.transient-retry.initial-delay} (ms), {@code .max-delay} (ms), {@code .budget}
 * (ms).
 *
 * <p>Only queue consumers are deferred this way: a copy sent to a topic would reach every
 * subscription again, so a subscription's delivery is rolled back and redelivered as before.
 */
final class TransientRetries {

    private static final System.Logger LOG = System.getLogger(TransientRetries.class.getName());

    /** How many times this message was deferred for a transient failure. */
    static final String ATTEMPT = "transientRetryAttempt";

    /** When it first failed transiently (ms since the epoch). */
    static final String SINCE = "transientRetrySince";

    private TransientRetries() {}

    /** The policy in force, read once. */
    record Policy(Duration initialDelay, Duration maxDelay, Duration budget) {

        static Policy read() {
            var config = ConfigProvider.getConfig();
            return new Policy(
                    Duration.ofMillis(config.getOptionalValue("switchboard.transient-retry.initial-delay", Long.class)
                            .orElse(1_000L)),
                    Duration.ofMillis(config.getOptionalValue("switchboard.transient-retry.max-delay", Long.class)
                            .orElse(60_000L)),
                    Duration.ofMillis(config.getOptionalValue("switchboard.transient-retry.budget", Long.class)
                            .orElse(1_800_000L)));
        }

        /** The delay before the deferred copy of attempt {@code attempt} (0 for the first) is delivered. */
        Duration delay(int attempt) {
            var factor = 1L << Math.min(attempt, 30);
            var millis = initialDelay.toMillis() * factor;
            return millis <= 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
        }

        boolean exhausted(Instant since, Instant now) {
            return Duration.between(since, now).compareTo(budget) > 0;
        }
    }

    /**
     * Sends the message again to its queue, later, if it came from a queue and its budget is not
     * spent; true if it did, and the failed delivery may then be acknowledged.
     */
    static boolean defer(JMSContext jms, Message message, String consumer, Throwable failure) {
        return defer(jms, message, consumer, failure, null);
    }

    /**
     * As {@link #defer(JMSContext, Message, String, Throwable)}, back to {@code source}, the queue the
     * consumer reads (null: the message's own destination, if that is a queue). They differ for a
     * message a divert copied from a topic: its {@code JMSDestination} still names the topic.
     */
    static boolean defer(JMSContext jms, Message message, String consumer, Throwable failure, Queue source) {
        return defer(jms, message, consumer, failure, source, Configured.POLICY, Instant.now());
    }

    /** Read when first needed: unit tests pass their own policy and need no configuration. */
    private static final class Configured {
        static final Policy POLICY = Policy.read();
    }

    static boolean defer(
            JMSContext jms, Message message, String consumer, Throwable failure, Policy policy, Instant now) {
        return defer(jms, message, consumer, failure, null, policy, now);
    }

    static boolean defer(
            JMSContext jms,
            Message message,
            String consumer,
            Throwable failure,
            Queue source,
            Policy policy,
            Instant now) {
        var described = IncomingMessage.describe(message);
        try {
            var queue = source != null ? source : message.getJMSDestination() instanceof Queue own ? own : null;
            if (queue == null) {
                return false;
            }
            var attempt = message.propertyExists(ATTEMPT) ? message.getIntProperty(ATTEMPT) : 0;
            var since = message.propertyExists(SINCE) ? Instant.ofEpochMilli(message.getLongProperty(SINCE)) : now;
            if (policy.exhausted(since, now)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "{0}: the transient-failure budget of {1} is spent ({2} deferrals since {3}); {4} now"
                                + " takes the broker's redeliveries",
                        consumer,
                        described,
                        attempt,
                        since,
                        queue.getQueueName());
                return false;
            }
            var delay = policy.delay(attempt);
            var properties = DeadLetters.copyOf(message);
            properties.put(ATTEMPT, attempt + 1);
            properties.put(SINCE, since.toEpochMilli());
            message.clearProperties();
            for (var property : properties.entrySet()) {
                message.setObjectProperty(property.getKey(), property.getValue());
            }
            jms.createProducer()
                    .setPriority(message.getJMSPriority())
                    .setDeliveryDelay(delay.toMillis())
                    .send(queue, message);
            LOG.log(
                    System.Logger.Level.WARNING,
                    "{0}: infrastructure unavailable ({1}); {2} deferred by {3} ms (deferral {4}), its delivery"
                            + " attempts untouched",
                    consumer,
                    rootCause(failure),
                    described,
                    delay.toMillis(),
                    attempt + 1);
            return true;
        } catch (JMSException | RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "{0}: cannot defer {1} ({2}); it is redelivered instead",
                    consumer,
                    described,
                    e.toString());
            return false;
        }
    }

    static String rootCause(Throwable failure) {
        var root = Transience.rootCause(failure);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
