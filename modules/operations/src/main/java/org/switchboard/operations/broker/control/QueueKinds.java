package org.switchboard.operations.broker.control;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import org.switchboard.messaging.BrokerAddresses.Routes;
import org.switchboard.operations.broker.entity.Counters;
import org.switchboard.operations.broker.entity.Load;
import org.switchboard.operations.broker.entity.QueueKind;
import org.switchboard.operations.broker.entity.QueueSample;
import org.switchboard.operations.broker.entity.Seen;

/**
 * What a broker queue is for, from the broker's address settings: a queue is a dead-letter (or
 * expiry) queue when the settings of an address name its address as where dead letters (or expired
 * messages) go. The broker never says so of the queue itself, so the answer comes from the
 * addresses that send there.
 */
public final class QueueKinds {

    /** Switchboard names a destination's dead-letter queue DLQ.&lt;destination&gt; (jms-config/messaging.cli). */
    static final String DEAD_LETTER_QUEUES = "jms.queue.DLQ.";

    /** WildFly puts a JMS queue X on core address and queue jms.queue.X. */
    static final String JMS_QUEUES = "jms.queue.";

    /** What the broker's catch-all settings say: they match every address. */
    static final String ANY_ADDRESS = "#";

    /** One queue as its MBean reports it, before anyone knows what it is for. */
    public record Reading(String queue, String address, boolean multicast, Load load, Counters counters, Seen seen) {}

    private QueueKinds() {}

    /**
     * Every queue with its kind and where its dead letters go, from the routes of the addresses
     * present (asked once per address).
     */
    public static List<QueueSample> classify(List<Reading> readings, Function<String, Routes> routesOf) {
        var routes = new HashMap<String, Routes>();
        var queueOfAddress = new HashMap<String, String>();
        for (var reading : readings) {
            routes.computeIfAbsent(reading.address(), routesOf);
            queueOfAddress.putIfAbsent(reading.address(), reading.queue());
        }
        var deadLetterAddresses = new HashSet<String>();
        var expiryAddresses = new HashSet<String>();
        for (var route : routes.values()) {
            if (route.deadLetterAddress() != null) {
                deadLetterAddresses.add(route.deadLetterAddress());
            }
            if (route.expiryAddress() != null) {
                expiryAddresses.add(route.expiryAddress());
            }
        }
        return readings.stream()
                .map(reading -> {
                    var kind = deadLetterAddresses.contains(reading.address())
                            ? QueueKind.DEAD_LETTER
                            : expiryAddresses.contains(reading.address())
                                    ? QueueKind.EXPIRY
                                    : reading.multicast() ? QueueKind.SUBSCRIPTION : QueueKind.QUEUE;
                    var deadLetterAddress =
                            kind.parks() ? null : routes.get(reading.address()).deadLetterAddress();
                    return new QueueSample(
                            reading.queue(),
                            reading.address(),
                            kind,
                            deadLetterAddress == null
                                    ? null
                                    : queueOfAddress.getOrDefault(deadLetterAddress, deadLetterAddress),
                            reading.load(),
                            reading.counters(),
                            reading.seen());
                })
                .toList();
    }

    /**
     * Whether a JMS queue (its core name, which is also its address) is a dead-letter queue, asking
     * about that queue only: its name says whose dead letters it would hold (DLQ.&lt;destination&gt;
     * for the JMS queue or topic &lt;destination&gt;), and their address settings, or the catch-all's,
     * say whether their dead letters go there. At most three reads of address settings, however
     * many queues the broker has.
     */
    public static boolean isDeadLetterQueue(String queue, Function<String, Routes> routesOf) {
        return senders(queue).stream().map(routesOf).anyMatch(route -> queue.equals(route.deadLetterAddress()));
    }

    /**
     * The broker's name of a JMS queue, given either as users see it ({@code DLQ.marketing.commands},
     * its JMS name, as pages and the journey show it) or as the broker does
     * ({@code jms.queue.DLQ.marketing.commands}); null stays null.
     */
    public static String coreName(String queue) {
        if (queue == null) {
            return null;
        }
        var name = queue.strip();
        return name.startsWith(JMS_QUEUES) || name.startsWith("jms.topic.") ? name : JMS_QUEUES + name;
    }

    /** The addresses whose dead letters could go to a queue so named, the catch-all last. */
    static List<String> senders(String queue) {
        if (queue.startsWith(DEAD_LETTER_QUEUES) && queue.length() > DEAD_LETTER_QUEUES.length()) {
            var destination = queue.substring(DEAD_LETTER_QUEUES.length());
            return List.of("jms.queue." + destination, "jms.topic." + destination, ANY_ADDRESS);
        }
        return List.of(ANY_ADDRESS);
    }
}
