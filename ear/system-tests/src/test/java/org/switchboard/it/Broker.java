package org.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Reads the embedded Artemis broker's state through its MBeans, as an operator's JMX client would. */
final class Broker {

    private static final MBeanServer MBEANS = ManagementFactory.getPlatformMBeanServer();
    private static final String DOMAIN = "org.apache.activemq.artemis:broker=\"default\"";

    private Broker() {}

    /** Redelivery settings in force for an address, e.g. {@code jms.queue.marketing.commands}. */
    record Redelivery(
            long delayMillis, double multiplier, long maxDelayMillis, int maxAttempts, String deadLetterAddress) {

        /** The delay Artemis applies before delivery number {@code attempt + 1}. */
        long delayBefore(int attempt) {
            var delay = delayMillis * Math.pow(multiplier, attempt - 1);
            return (long) Math.min(delay, maxDelayMillis);
        }

        /** The backoff a message that always fails goes through before it is dead-lettered. */
        java.time.Duration allAttempts() {
            var total = 0L;
            for (int attempt = 1; attempt < maxAttempts; attempt++) {
                total += delayBefore(attempt);
            }
            return java.time.Duration.ofMillis(total);
        }
    }

    static Redelivery redelivery(String address) {
        var settings = addressSettings(address);
        return new Redelivery(
                (long) number(settings, "redeliveryDelay"),
                number(settings, "redeliveryMultiplier"),
                (long) number(settings, "maxRedeliveryDelay"),
                (int) number(settings, "maxDeliveryAttempts"),
                settings.getString("deadLetterAddress"));
    }

    /** The settings Artemis resolved for an address (every matching setting merged), as it reports them. */
    static JsonObject addressSettings(String address) {
        var json = (String) invoke(objectName(DOMAIN), "getAddressSettingsAsJSON", address);
        return Json.createReader(new StringReader(json)).readObject();
    }

    /** The core addresses of every JMS queue and topic the broker has. */
    static java.util.List<String> jmsAddresses() {
        var names = (String[]) attribute(objectName(DOMAIN), "AddressNames");
        return java.util.Arrays.stream(names)
                .filter(name -> name.startsWith("jms.queue.") || name.startsWith("jms.topic."))
                .sorted()
                .toList();
    }

    /** The queues bound to a core address (a topic without a subscription has none). */
    static java.util.List<String> queuesOf(String address) {
        var names = (String[])
                attribute(objectName(DOMAIN + ",component=addresses,address=\"" + address + "\""), "QueueNames");
        return java.util.List.of(names);
    }

    static double number(JsonObject settings, String key) {
        var value = settings.get(key);
        if (value instanceof JsonNumber n) {
            return n.doubleValue();
        }
        if (value instanceof JsonString s) {
            return Double.parseDouble(s.getString());
        }
        throw new IllegalStateException("No numeric " + key + " in address settings " + settings);
    }

    static long messagesAcknowledged(String queue) {
        return (Long) attribute(queue(queue), "MessagesAcknowledged");
    }

    static long messagesKilled(String queue) {
        return (Long) attribute(queue(queue), "MessagesKilled");
    }

    static long messageCount(String queue) {
        return (Long) attribute(queue(queue), "MessageCount");
    }

    static int deliveringCount(String queue) {
        return (Integer) attribute(queue(queue), "DeliveringCount");
    }

    /** Stops deliveries from a queue (not persisted): its messages stay in it, waiting. */
    static void pause(String queue) {
        operation(queue(queue), "pause");
    }

    static void resume(String queue) {
        operation(queue(queue), "resume");
    }

    /** Artemis' moveMessages, as an operator's console or JMX client would: the filter's messages to another queue. */
    static int move(String queue, String filter, String otherQueue) {
        try {
            return (Integer)
                    MBEANS.invoke(queue(queue), "moveMessages", new Object[] {filter, otherQueue}, new String[] {
                        String.class.getName(), String.class.getName()
                    });
        } catch (JMException e) {
            throw new IllegalStateException("Cannot move " + filter + " from " + queue, e);
        }
    }

    /** Artemis' removeMessages, as an operator's console or JMX client would; returns how many went. */
    static int remove(String queue, String filter) {
        try {
            return (Integer) MBEANS.invoke(
                    queue(queue), "removeMessages", new Object[] {filter}, new String[] {String.class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("Cannot remove " + filter + " from " + queue, e);
        }
    }

    /** Artemis' retryMessage on the first message of the flow in a dead-letter queue; false if none. */
    static boolean retry(String queue, java.util.UUID correlationId) {
        try {
            @SuppressWarnings("unchecked")
            var found = (java.util.Map<String, Object>[]) MBEANS.invoke(
                    queue(queue),
                    "listMessages",
                    new Object[] {"correlationId = '" + correlationId + "'"},
                    new String[] {String.class.getName()});
            if (found.length == 0) {
                return false;
            }
            var id = ((Number) found[0].get("messageID")).longValue();
            return (Boolean)
                    MBEANS.invoke(queue(queue), "retryMessage", new Object[] {id}, new String[] {long.class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("Cannot retry a message of " + correlationId + " in " + queue, e);
        }
    }

    private static void operation(ObjectName name, String operation) {
        try {
            MBEANS.invoke(name, operation, new Object[0], new String[0]);
        } catch (JMException e) {
            throw new IllegalStateException("Cannot invoke " + operation + " on " + name, e);
        }
    }

    private static ObjectName queue(String queue) {
        return objectName(DOMAIN + ",component=addresses,address=\"" + queue
                + "\",subcomponent=queues,routing-type=\"anycast\",queue=\"" + queue + "\"");
    }

    private static Object attribute(ObjectName name, String attribute) {
        try {
            return MBEANS.getAttribute(name, attribute);
        } catch (JMException e) {
            throw new IllegalStateException("Cannot read " + attribute + " of " + name, e);
        }
    }

    private static Object invoke(ObjectName name, String operation, String argument) {
        try {
            return MBEANS.invoke(name, operation, new Object[] {argument}, new String[] {String.class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("Cannot invoke " + operation + " on " + name, e);
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
