package org.switchboard.messaging;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.json.Json;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moves a message its consumer can never process straight to the dead-letter queue of the
 * destination it came from, with the reason attached, instead of letting the broker redeliver it
 * until its attempts run out. The move is part of the consumer's transaction: the copy is sent
 * through the consuming context's XA connection factory, the original is acknowledged when the transaction commits, and a
 * rollback undoes both, so the message is never lost and never duplicated.
 *
 * <p>The dead-letter queue is the one the broker's address settings name for the source address
 * (read once per address from Artemis' management MBean), so consumer-detected and
 * broker-detected dead letters end up in the same place, and {@code jms-config/} stays the only
 * place that says where. The copy keeps body, type, correlation id, priority and every property,
 * never expires, and carries Artemis' {@code _AMQ_ORIG_ADDRESS}/{@code _AMQ_ORIG_QUEUE}, so Artemis
 * tooling can retry it like any other dead letter. ({@code _AMQ_ORIG_MESSAGE_ID} is left to the
 * broker, which puts its internal numeric id there; ours is {@code deadLetterOriginalMessageId}.)
 */
public final class DeadLetters {

    private static final System.Logger LOG = System.getLogger(DeadLetters.class.getName());
    private static final Map<String, Destination> DEAD_LETTER_QUEUES = new ConcurrentHashMap<>();
    private static final int MAX_PROPERTY_LENGTH = 4000;

    /** Sends the dead letter where the move belongs: the consumer's transaction. */
    @FunctionalInterface
    private interface Sink {
        void send(Destination deadLetterQueue, Message message, int priority) throws JMSException;
    }

    private final Sink sink;
    private final String consumer;

    /**
     * @param jms a context on the consuming context's XA connection factory, so the move joins the consumer's transaction
     * @param consumer the consuming component, recorded on the dead letter (e.g. the MDB's name)
     */
    public DeadLetters(JMSContext jms, String consumer) {
        this(
                (deadLetterQueue, message, priority) -> jms.createProducer()
                        .setPriority(priority)
                        .setTimeToLive(0)
                        .send(deadLetterQueue, message),
                consumer);
    }

    /**
     * For a consumer that reads in a locally transacted session of its own (Operations' journey
     * notes): the move is part of that session's transaction.
     *
     * @param session the session the message was received in
     * @param consumer the consuming component, recorded on the dead letter
     */
    public DeadLetters(Session session, String consumer) {
        this(
                (deadLetterQueue, message, priority) -> {
                    try (var producer = session.createProducer(deadLetterQueue)) {
                        producer.send(message, DeliveryMode.PERSISTENT, priority, 0);
                    }
                },
                consumer);
    }

    private DeadLetters(Sink sink, String consumer) {
        this.sink = sink;
        this.consumer = consumer;
    }

    /**
     * Sends the message to its dead-letter queue within the current transaction.
     *
     * @param subscription the topic subscription's queue name when the message came from a topic, else null
     * @return false if the message could not be moved (no dead-letter queue configured or found, the
     *     send failed); the caller must then roll back, so the broker redelivers it and, after its
     *     attempts, dead-letters it itself — late and without the reason, but not lost
     */
    public boolean reject(Message message, UnreadableMessageException problem, String subscription) {
        return reject(message, problem, subscription, null);
    }

    /**
     * As {@link #reject(Message, UnreadableMessageException, String)}, for a message read from
     * {@code queue} (null: the message's own destination). They differ for a message a divert
     * copied from a topic into a queue: its {@code JMSDestination} still names the topic, but its
     * dead letter belongs to the queue's dead-letter queue.
     */
    public boolean reject(
            Message message, UnreadableMessageException problem, String subscription, jakarta.jms.Queue queue) {
        String originalId = null;
        try {
            originalId = message.getJMSMessageID();
            var source = queue != null ? queue : message.getJMSDestination();
            var address = Destinations.coreAddress(source);
            var deadLetterQueue = DEAD_LETTER_QUEUES.computeIfAbsent(address, DeadLetters::lookupDeadLetterQueue);
            var deliveryCount =
                    message.propertyExists(Headers.DELIVERY_COUNT) ? message.getIntProperty(Headers.DELIVERY_COUNT) : 1;
            var copy = copyOf(message);
            copy.put(Headers.DEAD_LETTER_DELIVERY_COUNT, deliveryCount);
            copy.put(Headers.DEAD_LETTER_REASON, problem.reason().name());
            copy.put(Headers.DEAD_LETTER_DETAIL, truncate(problem.getMessage()));
            copy.put(Headers.DEAD_LETTER_ERRORS, truncate(errors(problem)));
            copy.put(Headers.DEAD_LETTER_CONSUMER, consumer);
            copy.put(Headers.DEAD_LETTER_AT, Instant.now().toString());
            copy.put(Headers.ORIGINAL_ADDRESS, address);
            copy.put(Headers.ORIGINAL_QUEUE, subscription != null ? subscription : address);
            copy.put(Headers.DEAD_LETTER_ORIGINAL_MESSAGE_ID, originalId);
            copy.put(Headers.DEAD_LETTER_ORIGINAL_TIMESTAMP, message.getJMSTimestamp());

            message.clearProperties();
            for (var property : copy.entrySet()) {
                message.setObjectProperty(property.getKey(), property.getValue());
            }
            sink.send(deadLetterQueue, message, message.getJMSPriority());
            JourneyMark.deadLettered(problem.reason());
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Dead-lettered {0} from {1} at once, without retries: {2} {3}",
                    originalId,
                    address,
                    problem.reason(),
                    problem.getMessage());
            return true;
        } catch (JMSException | RuntimeException e) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "Cannot dead-letter " + originalId + " (" + problem.reason() + "); rolling back so that the"
                            + " broker retries it and dead-letters it after its attempts",
                    e);
            return false;
        }
    }

    /** The message's own properties; the provider-set JMSX* ones come back by themselves. */
    static Map<String, Object> copyOf(Message message) throws JMSException {
        var properties = new HashMap<String, Object>();
        for (var name : Collections.list((java.util.Enumeration<?>) message.getPropertyNames())) {
            var key = (String) name;
            // JMSX* are provider-set (delivery count, user id), except the two groups an application sets.
            if (!key.startsWith("JMSX") || "JMSXGroupID".equals(key) || "JMSXGroupSeq".equals(key)) {
                properties.put(key, message.getObjectProperty(key));
            }
        }
        return properties;
    }

    private static Destination lookupDeadLetterQueue(String address) {
        var deadLetterAddress = BrokerAddresses.routes(address).deadLetterAddress();
        if (deadLetterAddress == null) {
            throw new IllegalStateException(
                    "Address " + address + " has no dead-letter address configured; see jms-config/messaging.cli");
        }
        return BrokerAddresses.queue(deadLetterAddress);
    }

    private static String errors(UnreadableMessageException problem) {
        var array = Json.createArrayBuilder();
        for (var violation : problem.violations()) {
            array.add(Json.createObjectBuilder()
                    .add("field", violation.field())
                    .add("keyword", String.valueOf(violation.keyword()))
                    .add("message", violation.message()));
        }
        return array.build().toString();
    }

    private static String truncate(String value) {
        return value == null || value.length() <= MAX_PROPERTY_LENGTH
                ? String.valueOf(value)
                : value.substring(0, MAX_PROPERTY_LENGTH - 1) + "…";
    }
}
