package org.switchboard.operations.broker.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.switchboard.messaging.BrokerAddresses;
import org.switchboard.messaging.Headers;
import org.switchboard.operations.broker.entity.Counters;
import org.switchboard.operations.broker.entity.Load;
import org.switchboard.operations.broker.entity.Located;
import org.switchboard.operations.broker.entity.Place;
import org.switchboard.operations.broker.entity.QueueSample;

/**
 * Reads the embedded Artemis broker through its MBeans in the server's own MBeanServer — the same
 * ones jconsole shows (they exist because {@code jmx-management-enabled} is on, see
 * jms-config/messaging.cli). Every call looks the queues up again, so queues created after
 * start-up (an auto-created dead-letter queue, a new subscription) are seen at the next call.
 */
@ApplicationScoped
public class BrokerQueues {

    static final String BROKER = "org.apache.activemq.artemis:broker=\"default\"";

    /** In the broker's description of a message: its internal id, which the management operations take. */
    static final String INTERNAL_ID = "messageID";

    /** In a core filter: the message's user id, which holds its JMS message id. */
    static final String USER_ID = "AMQUserID";

    private final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();

    /**
     * Every application queue (not the broker's internal ones, not temporary ones) with what it is
     * for, in queue-name order.
     */
    public List<QueueSample> survey() {
        var readings = new ArrayList<QueueKinds.Reading>();
        var now = Instant.now();
        for (var name : objectNames("*")) {
            var queue = unquote(name.getKeyProperty("queue"));
            try {
                if (queue.startsWith("$") || queue.startsWith("activemq.") || (Boolean) attribute(name, "Temporary")) {
                    continue;
                }
                var depth = (Long) attribute(name, "MessageCount");
                readings.add(new QueueKinds.Reading(
                        queue,
                        (String) attribute(name, "Address"),
                        "MULTICAST".equals(attribute(name, "RoutingType")),
                        new Load(
                                depth,
                                (Integer) attribute(name, "DeliveringCount"),
                                (Long) attribute(name, "ScheduledCount"),
                                (Integer) attribute(name, "ConsumerCount"),
                                depth == 0 ? null : (Long) attribute(name, "FirstMessageAge"),
                                (Boolean) attribute(name, "Paused")),
                        new Counters(
                                (Long) attribute(name, "MessagesAdded"),
                                (Long) attribute(name, "MessagesAcknowledged"),
                                (Long) attribute(name, "MessagesKilled"),
                                (Long) attribute(name, "MessagesExpired"))));
            } catch (IllegalStateException e) {
                // The queue went away between the query and the read: it is simply not in this survey.
            }
        }
        readings.sort(Comparator.comparing(QueueKinds.Reading::queue));
        return QueueKinds.classify(readings, BrokerAddresses::routes, now);
    }

    /** When the broker started: its queues' counters count from then. */
    public Instant startedAt() {
        var uptime = (Long) attribute(objectName(BROKER), "UptimeMillis");
        return Instant.now().minusMillis(uptime);
    }

    /** Whether this queue exists and is a dead-letter queue; asks about this queue only. */
    public boolean isDeadLetterQueue(String queue) {
        return queue != null
                && objectNameOf(queue).isPresent()
                && QueueKinds.isDeadLetterQueue(queue, BrokerAddresses::routes);
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

    /**
     * The messages of one flow in one queue, found by their {@code correlationId} property. The broker
     * scans at most the first {@code management-browse-page-size} waiting messages of a queue for a
     * filter; scheduled and delivering messages are all listed and filtered here.
     */
    public List<Located> find(
            String queue, UUID correlationId, boolean waiting, boolean scheduled, boolean delivering) {
        var name = objectNameOf(queue);
        if (name.isEmpty()) {
            return List.of();
        }
        var id = correlationId.toString();
        var found = new ArrayList<Located>();
        try {
            if (waiting) {
                for (var message : list(name.get(), Headers.CORRELATION_ID + " = '" + id + "'")) {
                    found.add(new Located(queue, Place.WAITING, message));
                }
            }
            if (scheduled) {
                @SuppressWarnings("unchecked")
                var messages = (Map<String, Object>[])
                        mbeans.invoke(name.get(), "listScheduledMessages", new Object[0], new String[0]);
                for (var message : messages) {
                    if (id.equals(String.valueOf(message.get(Headers.CORRELATION_ID)))) {
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
                        if (id.equals(String.valueOf(message.get(Headers.CORRELATION_ID)))) {
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
        if (!QueueBrowser.isMessageId(jmsMessageId)) {
            return false;
        }
        try {
            var found = list(name, USER_ID + " = '" + jmsMessageId + "'");
            if (found.length == 0) {
                return false;
            }
            var internalId = ((Number) found[0].get(INTERNAL_ID)).longValue();
            return (Boolean)
                    mbeans.invoke(name, operation, new Object[] {internalId}, new String[] {long.class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("Cannot " + operation + " " + jmsMessageId + " on " + queue, e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object>[] list(ObjectName queue, String filter) throws JMException {
        return (Map<String, Object>[])
                mbeans.invoke(queue, "listMessages", new Object[] {filter}, new String[] {String.class.getName()});
    }

    /** The queue's MBean, looked up by its name alone. */
    private Optional<ObjectName> objectNameOf(String queue) {
        return objectNames(ObjectName.quote(queue)).stream().findFirst();
    }

    private List<ObjectName> objectNames(String queue) {
        return List.copyOf(mbeans.queryNames(
                objectName(BROKER + ",component=addresses,address=*,subcomponent=queues,routing-type=*,queue=" + queue),
                null));
    }

    private Object attribute(ObjectName name, String attribute) {
        try {
            return mbeans.getAttribute(name, attribute);
        } catch (JMException e) {
            throw new IllegalStateException("Cannot read " + attribute + " of " + name, e);
        }
    }

    private static String unquote(String value) {
        return value.replace("\"", "");
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
