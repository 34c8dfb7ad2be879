package org.switchboard.operations.control;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.switchboard.messaging.BrokerAddresses;
import org.switchboard.messaging.Headers;

/**
 * Browses a JMS queue without taking anything off it (a JMS queue browser with a selector, which
 * the broker applies to the whole queue), and reads each message raw: dead letters are exactly the
 * messages that may not be valid, so nothing here goes through the schema check. Triage browses
 * dead-letter queues with it; the journey browses any JMS queue for one flow's messages (and ignores
 * the dead-letter fields, which a live message does not have).
 */
public class DeadLetterBrowser {

    /** One browsed message, before masking. */
    public record Browsed(
            String id,
            String type,
            Integer schemaVersion,
            String correlationId,
            String messageId,
            String originalAddress,
            String originalQueue,
            String reason,
            String detail,
            Instant sentAt,
            Instant deadLetteredAt,
            Integer deliveryCount,
            String body,
            Map<String, Object> properties) {}

    private final JMSContext jms;

    public DeadLetterBrowser(JMSContext jms) {
        this.jms = jms;
    }

    /** The messages of a queue on core address jms.queue.&lt;name&gt;, oldest first, at most {@code limit}. */
    public List<Browsed> browse(String coreQueue, String selector, int limit) {
        var result = new ArrayList<Browsed>();
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

    private static Browsed read(Message message) throws JMSException {
        var properties = new TreeMap<String, Object>();
        for (var name : Collections.list((java.util.Enumeration<?>) message.getPropertyNames())) {
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
        var reason = string(properties.get(Headers.DEAD_LETTER_REASON));
        var deadLetteredAt = string(properties.get(Headers.DEAD_LETTER_AT));
        return new Browsed(
                message.getJMSMessageID(),
                message.getJMSType(),
                properties.get(Headers.SCHEMA_VERSION) instanceof Number n ? n.intValue() : null,
                message.getJMSCorrelationID(),
                string(properties.get(Headers.MESSAGE_ID)),
                string(properties.get(Headers.ORIGINAL_ADDRESS)),
                string(properties.get(Headers.ORIGINAL_QUEUE)),
                reason != null ? reason : "REDELIVERY_EXHAUSTED",
                string(properties.get(Headers.DEAD_LETTER_DETAIL)),
                message.getJMSTimestamp() > 0 ? Instant.ofEpochMilli(message.getJMSTimestamp()) : null,
                deadLetteredAt != null ? Instant.parse(deadLetteredAt) : null,
                properties.get(Headers.DEAD_LETTER_DELIVERY_COUNT) instanceof Number n ? n.intValue() : null,
                body,
                properties);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
