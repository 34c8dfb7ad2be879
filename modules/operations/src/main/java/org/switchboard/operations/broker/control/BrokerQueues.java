package org.switchboard.operations.broker.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import org.switchboard.messaging.BrokerAddresses;
import org.switchboard.messaging.Headers;
import org.switchboard.messaging.management.BrokerState;
import org.switchboard.messaging.management.ManagedBroker;
import org.switchboard.messaging.management.ManagedBrokers;
import org.switchboard.operations.broker.entity.Located;
import org.switchboard.operations.broker.entity.Place;
import org.switchboard.operations.broker.entity.QueueSample;

/**
 * Reads and operates the brokers' queues through their MBeans: the embedded broker's in the
 * server's own MBean server (they exist because {@code jmx-management-enabled} is on, see
 * jms-config/messaging.cli), cluster mode's over each broker's JMX connector ({@link ManagedBrokers}).
 * The survey covers every active broker and says which one holds each queue; the operations on
 * one queue go to the broker that serves now. Every call looks the queues up again, so queues
 * created after start-up (an auto-created dead-letter queue, a new subscription) are seen at the
 * next call, and a failover is followed at the next call.
 */
@ApplicationScoped
public class BrokerQueues {

    /** In the broker's description of a message: its internal id, which the management operations take. */
    static final String INTERNAL_ID = "messageID";

    /** In a core filter: the message's user id, which holds its JMS message id. */
    static final String USER_ID = "AMQUserID";

    /** Read from the configuration at the first survey, not at construction (CDI proxies, tests). */
    private volatile ConsumerNodes consumerNodes;

    /** One call on the serving broker's MBeans. */
    private interface Call<T> {
        T on(MBeanServerConnection mbeans, ObjectName server) throws IOException, JMException;
    }

    private ConsumerNodes consumerNodes() {
        var nodes = consumerNodes;
        if (nodes == null) {
            nodes = ConsumerNodes.configured();
            consumerNodes = nodes;
        }
        return nodes;
    }

    /**
     * Every application queue (not the broker's internal ones, not temporary ones) of every active
     * broker, with what it is for and which broker holds it, in queue-name order. A broker that
     * is down or backup has none; none active, none at all.
     */
    public List<QueueSample> survey() {
        var readings = new ArrayList<QueueKinds.Reading>();
        for (var broker : ManagedBrokers.all()) {
            if (broker.state() != BrokerState.ACTIVE) {
                continue;
            }
            try {
                var mbeans = broker.connection();
                var server = broker.server();
                readings.addAll(new QueueReadings(mbeans, server, broker.name()).read(consumers(mbeans, server)));
            } catch (IOException e) {
                // Gone between its state and its queues (a kill, a failover): no queues of it this time.
                broker.lost(e);
            }
        }
        readings.sort(Comparator.comparing(QueueKinds.Reading::queue));
        return QueueKinds.classify(readings, BrokerAddresses::routes);
    }

    /** Which nodes consume each queue; none known rather than no survey, should the listing fail. */
    private Map<String, Map<String, Integer>> consumers(MBeanServerConnection mbeans, ObjectName server)
            throws IOException {
        try {
            return consumerNodes().byQueue(mbeans, server);
        } catch (JMException | RuntimeException e) {
            System.getLogger(BrokerQueues.class.getName())
                    .log(System.Logger.Level.DEBUG, "Consumers not listed: {0}", e.toString());
            return Map.of();
        }
    }

    /** When the serving broker started: its queues' counters count from then. */
    public Instant startedAt() {
        var uptime = onServing((mbeans, server) -> (Long) mbeans.getAttribute(server, "UptimeMillis"));
        return Instant.now().minusMillis(uptime);
    }

    /** Whether this queue exists and is a dead-letter queue; asks about this queue only. */
    public boolean isDeadLetterQueue(String queue) {
        return queue != null
                && onServing((mbeans, server) -> objectNameOf(mbeans, server, queue))
                        .isPresent()
                && QueueKinds.isDeadLetterQueue(queue, BrokerAddresses::routes);
    }

    /**
     * The first message of a queue without consuming it, as the broker describes it: its
     * properties, among them {@code deadLetterReason} and {@code _AMQ_ORIG_ADDRESS}.
     */
    public Optional<JsonObject> peekFirst(String queue) {
        try {
            var json = onServing((mbeans, server) -> {
                var name = objectNameOf(mbeans, server, queue);
                return name.isEmpty()
                        ? null
                        : (String) mbeans.invoke(name.get(), "peekFirstMessageAsJSON", new Object[0], new String[0]);
            });
            if (json == null || json.isBlank()) {
                return Optional.empty();
            }
            try (var reader = Json.createReader(new StringReader(json))) {
                var value = reader.readValue();
                return value.getValueType() == JsonValue.ValueType.OBJECT
                        ? Optional.of(value.asJsonObject())
                        : Optional.empty();
            }
        } catch (RuntimeException e) {
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
        var id = correlationId.toString();
        var found = new ArrayList<Located>();
        try {
            onServing((mbeans, server) -> {
                var name = objectNameOf(mbeans, server, queue);
                if (name.isEmpty()) {
                    return null;
                }
                if (waiting) {
                    for (var message : list(mbeans, name.get(), Headers.CORRELATION_ID + " = '" + id + "'")) {
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
                return null;
            });
        } catch (RuntimeException e) {
            // The queue (or its broker) went away meanwhile: nothing of the flow is found in it now.
        }
        return found;
    }

    private boolean operateOn(String queue, String jmsMessageId, String operation) {
        return onServing((mbeans, server) -> {
            var name = objectNameOf(mbeans, server, queue)
                    .orElseThrow(() -> new IllegalArgumentException("No queue " + queue));
            if (!QueueBrowser.isMessageId(jmsMessageId)) {
                return false;
            }
            var found = list(mbeans, name, USER_ID + " = '" + jmsMessageId + "'");
            if (found.length == 0) {
                return false;
            }
            var internalId = ((Number) found[0].get(INTERNAL_ID)).longValue();
            return (Boolean)
                    mbeans.invoke(name, operation, new Object[] {internalId}, new String[] {long.class.getName()});
        });
    }

    /**
     * Runs a call on the broker that serves now; a lost connection is dropped (the next call
     * connects again, or to the broker that took over).
     */
    private static <T> T onServing(Call<T> call) {
        ManagedBroker broker = ManagedBrokers.serving();
        try {
            return call.on(broker.connection(), broker.server());
        } catch (IOException e) {
            broker.lost(e);
            throw new IllegalStateException("Lost " + broker, e);
        } catch (JMException e) {
            throw new IllegalStateException("Management call on " + broker + " failed", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] list(MBeanServerConnection mbeans, ObjectName queue, String filter)
            throws IOException, JMException {
        return (Map<String, Object>[])
                mbeans.invoke(queue, "listMessages", new Object[] {filter}, new String[] {String.class.getName()});
    }

    /** The queue's MBean, looked up by its name alone. */
    static Optional<ObjectName> objectNameOf(MBeanServerConnection mbeans, ObjectName server, String queue)
            throws IOException {
        return QueueReadings.objectNames(mbeans, server, ObjectName.quote(queue)).stream()
                .findFirst();
    }
}
