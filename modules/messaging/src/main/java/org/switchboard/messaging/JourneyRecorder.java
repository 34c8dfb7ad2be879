package org.switchboard.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.MessageDriven;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.operations.MessageHandled;

/**
 * Interceptor for message-driven beans: when a delivery ends without rolling back, it sends a
 * {@link MessageHandled} note to queue {@code ops.journey}, in the delivery's own transaction.
 * The note commits exactly when the handling does: a delivery that fails and is retried leaves no
 * note until the attempt that succeeds, and then one, with that attempt's delivery count.
 *
 * <p>Every context's message-driven bean carries it ({@code @Interceptors(JourneyRecorder.class)};
 * an architecture test checks that none is missing), so Operations can show where every message of a
 * flow went without reading any context's tables. The outcome is PROCESSED unless the bean said
 * otherwise through {@link JourneyMark} (a duplicate) or {@link DeadLetters} (dead-lettered).
 *
 * <p>A message without readable ids belongs to no flow and gets no note; a note that would break
 * its own contract (a name longer than it allows) is skipped with an ERROR log line. Either is a gap
 * in one journey, never a failed delivery. A failing <em>send</em> of a note is not swallowed: it
 * fails the delivery like any other failure in the transaction, because a broker that cannot take
 * a note cannot take the business messages either.
 *
 * <p>The note is only sent when {@code onMessage} returns. A bean must therefore handle its failures
 * itself (roll back or dead-letter), as every Switchboard bean does, rather than let an application
 * exception that does not roll back escape: that delivery would commit without a note.
 */
public class JourneyRecorder {

    private static final System.Logger LOG = System.getLogger(JourneyRecorder.class.getName());

    /** Where notes go; Operations consumes it. */
    public static final String JOURNEY_QUEUE = "java:/jms/queue/ops.journey";

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connections;

    @Resource(lookup = JOURNEY_QUEUE)
    Queue journey;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Resource(lookup = "java:module/ModuleName")
    String module;

    @AroundInvoke
    public Object record(InvocationContext invocation) throws Exception {
        var parameters = invocation.getParameters();
        if (!"onMessage".equals(invocation.getMethod().getName())
                || parameters.length != 1
                || !(parameters[0] instanceof Message message)) {
            return invocation.proceed();
        }
        // Read before the bean runs: moving a message to its dead-letter queue re-sends the very
        // same Message object, and sending overwrites its destination, timestamp and id.
        var delivered = Delivered.of(message);
        var result = invocation.proceed();
        if (delivered != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            var mark = (JourneyMark.Mark) transactions.getResource(JourneyMark.OUTCOME);
            var note = note(delivered, invocation.getTarget().getClass(), mark);
            if (note != null) {
                // A failing send fails the delivery: the broker that cannot take a note cannot
                // take the business messages of this transaction either.
                try (var jms = connections.createContext()) {
                    jms.createProducer().send(journey, JsonMessages.toTextMessage(jms, note));
                }
            }
        }
        return result;
    }

    /** What the note needs from the delivered message, as it arrived. */
    record Delivered(
            UUID messageId,
            UUID correlationId,
            UUID causationId,
            String type,
            Integer schemaVersion,
            String destination,
            Instant sentAt,
            int deliveryCount) {

        /** Null when the message has no readable ids: it belongs to no flow. */
        static Delivered of(Message message) throws JMSException {
            var messageId = uuid(message.getObjectProperty(Headers.MESSAGE_ID));
            var correlationId = uuid(message.getObjectProperty(Headers.CORRELATION_ID));
            if (messageId == null || correlationId == null) {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "No journey note for {0}: it has no readable message and correlation ids",
                        message.getJMSMessageID());
                return null;
            }
            var version = message.getObjectProperty(Headers.SCHEMA_VERSION);
            var deliveryCount =
                    message.propertyExists(Headers.DELIVERY_COUNT) ? message.getIntProperty(Headers.DELIVERY_COUNT) : 1;
            return new Delivered(
                    messageId,
                    correlationId,
                    uuid(message.getObjectProperty(Headers.CAUSATION_ID)),
                    message.getJMSType(),
                    version instanceof Integer v ? v : null,
                    Destinations.name(message.getJMSDestination()),
                    message.getJMSTimestamp() > 0 ? Instant.ofEpochMilli(message.getJMSTimestamp()) : null,
                    Math.max(1, deliveryCount));
        }
    }

    /**
     * The note, validated against its contract, or null — logged at ERROR — when it cannot be
     * built (a name longer than its contract allows): a gap in one journey, never a failed delivery.
     */
    private JsonMessages.Envelope note(Delivered delivered, Class<?> bean, JourneyMark.Mark mark) {
        var driven = messageDriven(bean);
        var note = new MessageHandled(
                UUID.randomUUID(),
                Instant.now(),
                delivered.correlationId(),
                delivered.messageId(),
                delivered.type(),
                delivered.schemaVersion(),
                delivered.causationId(),
                delivered.destination(),
                subscription(driven),
                module,
                driven != null && !driven.name().isEmpty() ? driven.name() : bean.getSimpleName(),
                delivered.sentAt(),
                delivered.deliveryCount(),
                mark != null ? mark.outcome() : MessageHandled.PROCESSED,
                mark != null ? mark.reason() : null);
        try {
            return JsonMessages.envelope(note);
        } catch (ContractViolationException e) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "No journey note for message {0} of flow {1}: the note breaks its contract: {2}",
                    delivered.messageId(),
                    delivered.correlationId(),
                    e.getMessage());
            return null;
        }
    }

    private static MessageDriven messageDriven(Class<?> bean) {
        for (var type = bean; type != null; type = type.getSuperclass()) {
            var annotation = type.getAnnotation(MessageDriven.class);
            if (annotation != null) {
                return annotation;
            }
        }
        return null;
    }

    private static String subscription(MessageDriven bean) {
        if (bean == null) {
            return null;
        }
        for (var property : bean.activationConfig()) {
            if ("subscriptionName".equals(property.propertyName())) {
                return property.propertyValue();
            }
        }
        return null;
    }

    private static UUID uuid(Object value) {
        if (value instanceof String text) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
