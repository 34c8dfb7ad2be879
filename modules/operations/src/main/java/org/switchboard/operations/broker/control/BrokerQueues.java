package org.switchboard.operations.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.switchboard.messaging.BrokerAddresses;

/**
 * Reads the embedded Artemis broker through its MBeans in the server's own MBeanServer — the same
 * ones jconsole shows (they exist because {@code jmx-management-enabled} is on, see
 * jms-config/messaging.cli). Every call looks the queues up again, so queues created after
 * start-up (an auto-created dead-letter queue, a new subscription) are seen at the next sample.
 */
public class BrokerQueues {

    static final String DOMAIN = "org.apache.activemq.artemis";
    static final String BROKER = DOMAIN + ":broker=\"default\"";

    private final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();

    /** One queue's raw counters, as the broker reports them. */
    public record Sample(
            String queue,
            String address,
            boolean multicast,
            long depth,
            int inFlight,
            long scheduled,
            int consumers,
            long added,
            long acknowledged,
            long killed,
            Long oldestMessageAgeMillis,
            Instant at) {}

    /** Every application queue: not the broker's internal ones, not temporary ones. */
    public List<Sample> sample() {
        var samples = new ArrayList<Sample>();
        var now = Instant.now();
        for (var name : queueObjectNames()) {
            try {
                var queue = name.getKeyProperty("queue").replace("\"", "");
                if (queue.startsWith("$") || queue.startsWith("activemq.") || (Boolean) attribute(name, "Temporary")) {
                    continue;
                }
                samples.add(new Sample(
                        queue,
                        (String) attribute(name, "Address"),
                        "MULTICAST".equals(attribute(name, "RoutingType")),
                        (Long) attribute(name, "MessageCount"),
                        (Integer) attribute(name, "DeliveringCount"),
                        (Long) attribute(name, "ScheduledCount"),
                        (Integer) attribute(name, "ConsumerCount"),
                        (Long) attribute(name, "MessagesAdded"),
                        (Long) attribute(name, "MessagesAcknowledged"),
                        (Long) attribute(name, "MessagesKilled"),
                        (Long) attribute(name, "FirstMessageAge"),
                        now));
            } catch (IllegalStateException e) {
                // The queue went away between the query and the read: it is simply not in this sample.
            }
        }
        return samples;
    }

    /** Dead-letter and expiry address per address, from the broker's address settings. */
    public Map<String, BrokerAddresses.Routes> routes(List<String> addresses) {
        var routes = new HashMap<String, BrokerAddresses.Routes>();
        for (var address : addresses) {
            routes.put(address, BrokerAddresses.routes(address));
        }
        return routes;
    }

    /**
     * The first message of a queue without consuming it, as the broker describes it: its
     * properties, among them {@code deadLetterReason} and {@code _AMQ_ORIG_ADDRESS}.
     */
    public Optional<JsonObject> peekFirst(String queue) {
        var name = objectNameOf(queue);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            var json = (String) mbeans.invoke(name.get(), "peekFirstMessageAsJSON", new Object[0], new String[0]);
            if (json == null || json.isBlank()) {
                return Optional.empty();
            }
            try (var reader = Json.createReader(new StringReader(json))) {
                var value = reader.readValue();
                return value.getValueType() == JsonValue.ValueType.OBJECT
                        ? Optional.of(value.asJsonObject())
                        : Optional.empty();
            }
        } catch (JMException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Moves one message from a dead-letter queue back to where it came from (Artemis'
     * {@code retryMessage}, which uses its {@code _AMQ_ORIG_*} properties): one atomic move in the
     * broker, so the message is in exactly one place. False if it is no longer there.
     */
    public boolean retry(String queue, String jmsMessageId) {
        return operateOn(queue, jmsMessageId, "retryMessage");
    }

    /** Removes one message for good. False if it is no longer there. */
    public boolean remove(String queue, String jmsMessageId) {
        return operateOn(queue, jmsMessageId, "removeMessage");
    }

    /** Where in a queue a message was found. */
    public enum Place {
        /** Waiting for a consumer. */
        WAITING,
        /** Waiting for its redelivery after a failed attempt. */
        SCHEDULED,
        /** Handed to a consumer, not yet acknowledged. */
        DELIVERING
    }

    /** A message found in a queue, as the broker describes it (its properties among the keys). */
    public record Located(String queue, Place place, Map<String, Object> message) {}

    /**
     * The messages of one flow in one queue, found by their {@code correlationId} property. The broker
     * scans at most the first {@link #browsePageSize} waiting messages of a queue for a filter;
     * scheduled and delivering messages are all listed and filtered here.
     */
    public List<Located> find(
            String queue, java.util.UUID correlationId, boolean waiting, boolean scheduled, boolean delivering) {
        var name = objectNameOf(queue);
        if (name.isEmpty()) {
            return List.of();
        }
        var id = correlationId.toString();
        var found = new ArrayList<Located>();
        try {
            if (waiting) {
                @SuppressWarnings("unchecked")
                var messages = (Map<String, Object>[]) mbeans.invoke(
                        name.get(), "listMessages", new Object[] {"correlationId = '" + id + "'"}, new String[] {
                            String.class.getName()
                        });
                for (var message : messages) {
                    found.add(new Located(queue, Place.WAITING, message));
                }
            }
            if (scheduled) {
                @SuppressWarnings("unchecked")
                var messages = (Map<String, Object>[])
                        mbeans.invoke(name.get(), "listScheduledMessages", new Object[0], new String[0]);
                for (var message : messages) {
                    if (id.equals(String.valueOf(message.get("correlationId")))) {
                        found.add(new Located(queue, Place.SCHEDULED, message));
                    }
                }
            }
            if (delivering) {
                @SuppressWarnings("unchecked")
                var byConsumer = (Map<String, Map<String, Object>[]>)
                        mbeans.invoke(name.get(), "listDeliveringMessages", new Object[0], new String[0]);
                for (var messages : byConsumer.values()) {
                    for (var message : messages) {
                        if (id.equals(String.valueOf(message.get("correlationId")))) {
                            found.add(new Located(queue, Place.DELIVERING, message));
                        }
                    }
                }
            }
        } catch (JMException | RuntimeException e) {
            // The queue went away meanwhile: nothing of the flow is in it.
        }
        return found;
    }

    private boolean operateOn(String queue, String jmsMessageId, String operation) {
        var name = objectNameOf(queue).orElseThrow(() -> new IllegalArgumentException("No queue " + queue));
        if (!jmsMessageId.matches("ID:[0-9a-fA-F-]+")) {
            return false;
        }
        try {
            // JMSMessageID is the core message's user id.
            @SuppressWarnings("unchecked")
            var found = (Map<String, Object>[]) mbeans.invoke(
                    name, "listMessages", new Object[] {"AMQUserID = '" + jmsMessageId + "'"}, new String[] {
                        String.class.getName()
                    });
            if (found.length == 0) {
                return false;
            }
            var internalId = ((Number) found[0].get("messageID")).longValue();
            return (Boolean)
                    mbeans.invoke(name, operation, new Object[] {internalId}, new String[] {long.class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("Cannot " + operation + " " + jmsMessageId + " on " + queue, e);
        }
    }

    private Optional<ObjectName> objectNameOf(String queue) {
        return queueObjectNames().stream()
                .filter(n -> queue.equals(n.getKeyProperty("queue").replace("\"", "")))
                .findFirst();
    }

    private List<ObjectName> queueObjectNames() {
        return List.copyOf(mbeans.queryNames(
                objectName(BROKER + ",component=addresses,address=*,subcomponent=queues,routing-type=*,queue=*"),
                null));
    }

    private Object attribute(ObjectName name, String attribute) {
        try {
            return mbeans.getAttribute(name, attribute);
        } catch (JMException e) {
            throw new IllegalStateException("Cannot read " + attribute + " of " + name, e);
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
