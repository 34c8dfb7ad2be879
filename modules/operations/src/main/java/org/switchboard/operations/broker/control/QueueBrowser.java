package org.switchboard.operations.broker.control;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.switchboard.messaging.BrokerAddresses;
import org.switchboard.messaging.Headers;
import org.switchboard.operations.broker.entity.BrowsedMessage;
import org.switchboard.operations.broker.entity.Envelope;
import org.switchboard.operations.broker.entity.Failure;
import org.switchboard.operations.broker.entity.Origin;

/**
 * Browses a JMS queue without taking anything off it (a JMS queue browser with a selector, which
 * the broker applies to the whole queue), and reads each message raw: dead letters are exactly the
 * messages that may not be valid, so nothing here goes through the schema check. Triage browses
 * dead-letter queues with it; the journey browses any JMS queue for one flow's messages (and ignores
 * the dead-letter fields, which a live message does not have).
 */
public class QueueBrowser {

    private static final Pattern MESSAGE_ID = Pattern.compile("ID:[0-9a-fA-F-]{1,60}");

    private final JMSContext jms;

    public QueueBrowser(JMSContext jms) {
        this.jms = jms;
    }

    /** A JMS message id as Artemis makes them; nothing else goes into a selector or filter. */
    public static boolean isMessageId(String id) {
        return id != null && MESSAGE_ID.matcher(id).matches();
    }

    /** The first {@code limit} messages of a queue on core address jms.queue.&lt;name&gt;, oldest first. */
    public List<BrowsedMessage> browse(String coreQueue, int limit) {
        return browse(coreQueue, null, limit);
    }

    /** One message of a queue, by its JMS message id. */
    public Optional<BrowsedMessage> byId(String coreQueue, String jmsMessageId) {
        if (!isMessageId(jmsMessageId)) {
            return Optional.empty();
        }
        return browse(coreQueue, Headers.JMS_MESSAGE_ID + " = '" + jmsMessageId + "'", 1).stream()
                .findFirst();
    }

    /** The messages of one flow in a queue, oldest first, at most {@code limit}. */
    public List<BrowsedMessage> ofFlow(String coreQueue, UUID correlationId, int limit) {
        return browse(coreQueue, Headers.CORRELATION_ID + " = '" + correlationId + "'", limit);
    }

    private List<BrowsedMessage> browse(String coreQueue, String selector, int limit) {
        var result = new ArrayList<BrowsedMessage>();
        try (var browser = jms.createBrowser(BrokerAddresses.queue(coreQueue), selector)) {
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements() && result.size() < limit) {
                result.add(read((Message) messages.nextElement()));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot browse " + coreQueue, e);
        }
        return result;
    }

    private static BrowsedMessage read(Message message) throws JMSException {
        var properties = new TreeMap<String, Object>();
        for (var name : Collections.list((Enumeration<?>) message.getPropertyNames())) {
            properties.put((String) name, message.getObjectProperty((String) name));
        }
        String body;
        if (message instanceof TextMessage text) {
            body = text.getText();
        } else if (message instanceof BytesMessage bytes) {
            body = "(" + bytes.getBodyLength() + " bytes, not a text message)";
        } else {
            body = "(" + message.getClass().getSimpleName() + ", not a text message)";
        }
        var deadLetteredAt = string(properties.get(Headers.DEAD_LETTER_AT));
        return new BrowsedMessage(
                message.getJMSMessageID(),
                new Envelope(
                        message.getJMSType(),
                        properties.get(Headers.SCHEMA_VERSION) instanceof Number n ? n.intValue() : null,
                        message.getJMSCorrelationID(),
                        string(properties.get(Headers.MESSAGE_ID)),
                        message.getJMSTimestamp() > 0 ? Instant.ofEpochMilli(message.getJMSTimestamp()) : null),
                new Origin(
                        string(properties.get(Headers.ORIGINAL_ADDRESS)),
                        string(properties.get(Headers.ORIGINAL_QUEUE))),
                new Failure(
                        Failure.reasonOf(properties::get),
                        string(properties.get(Headers.DEAD_LETTER_DETAIL)),
                        properties.get(Headers.DEAD_LETTER_DELIVERY_COUNT) instanceof Number n ? n.intValue() : null,
                        deadLetteredAt != null ? Instant.parse(deadLetteredAt) : null),
                body,
                properties);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
