package org.switchboard.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.MessageDriven;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
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
 * otherwise through {@link Journey} (a duplicate) or {@link DeadLetters} (dead-lettered).
 *
 * <p>Recording is best effort in one respect only: if the note cannot be built (the message has no
 * readable ids, so it belongs to no flow) nothing is sent and the delivery goes on. A failing send
 * is not swallowed: it fails the delivery like any other failure in the transaction, because a
 * broker that cannot take a note cannot take the business messages either.
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
        var result = invocation.proceed();
        var parameters = invocation.getParameters();
        if ("onMessage".equals(invocation.getMethod().getName())
                && parameters.length == 1
                && parameters[0] instanceof Message message
                && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            var mark = (Journey.Mark) transactions.getResource(Journey.OUTCOME);
            var note = note(message, invocation.getTarget().getClass(), mark);
            if (note != null) {
                try (var jms = connections.createContext()) {
                    jms.createProducer().send(journey, JsonMessages.toTextMessage(jms, note));
                }
            }
        }
        return result;
    }

    private MessageHandled note(Message message, Class<?> bean, Journey.Mark mark) throws JMSException {
        var messageId = uuid(message.getObjectProperty(Headers.MESSAGE_ID));
        var correlationId = uuid(message.getObjectProperty(Headers.CORRELATION_ID));
        if (messageId == null || correlationId == null) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "No journey note for {0}: it has no readable message and correlation ids",
                    message.getJMSMessageID());
            return null;
        }
        var driven = messageDriven(bean);
        var version = message.getObjectProperty(Headers.SCHEMA_VERSION);
        var deliveryCount =
                message.propertyExists(Headers.DELIVERY_COUNT) ? message.getIntProperty(Headers.DELIVERY_COUNT) : 1;
        return new MessageHandled(
                UUID.randomUUID(),
                Instant.now(),
                correlationId,
                messageId,
                limit(message.getJMSType(), 200),
                version instanceof Integer v ? v : null,
                uuid(message.getObjectProperty(Headers.CAUSATION_ID)),
                name(message.getJMSDestination()),
                subscription(driven),
                module,
                driven != null && !driven.name().isEmpty() ? driven.name() : bean.getSimpleName(),
                message.getJMSTimestamp() > 0 ? Instant.ofEpochMilli(message.getJMSTimestamp()) : null,
                Math.max(1, deliveryCount),
                mark != null ? mark.outcome() : MessageHandled.PROCESSED,
                mark != null ? mark.reason() : null);
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

    private static String name(Destination destination) throws JMSException {
        if (destination instanceof Queue queue) {
            return queue.getQueueName();
        }
        if (destination instanceof Topic topic) {
            return topic.getTopicName();
        }
        return String.valueOf(destination);
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

    private static String limit(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
