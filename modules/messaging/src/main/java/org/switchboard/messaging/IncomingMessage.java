package org.switchboard.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.UUID;

/** A received Switchboard message: its headers, read once, and its JSON body. */
public record IncomingMessage(
        String type,
        int version,
        UUID messageId,
        UUID correlationId,
        UUID causationId,
        int deliveryCount,
        String body) {

    public static IncomingMessage from(Message message) {
        if (!(message instanceof TextMessage text)) {
            throw new UnreadableMessageException(
                    "Expected a JSON TextMessage but got " + message.getClass().getSimpleName());
        }
        try {
            return new IncomingMessage(
                    required(text.getJMSType(), "JMSType"),
                    text.propertyExists(Headers.SCHEMA_VERSION) ? text.getIntProperty(Headers.SCHEMA_VERSION) : 0,
                    uuid(text.getStringProperty(Headers.MESSAGE_ID), Headers.MESSAGE_ID),
                    uuid(text.getStringProperty(Headers.CORRELATION_ID), Headers.CORRELATION_ID),
                    uuid(text.getStringProperty(Headers.CAUSATION_ID), Headers.CAUSATION_ID),
                    text.propertyExists(Headers.DELIVERY_COUNT) ? text.getIntProperty(Headers.DELIVERY_COUNT) : 1,
                    required(text.getText(), "body"));
        } catch (JMSException | NumberFormatException e) {
            throw new UnreadableMessageException("Cannot read message headers: " + e.getMessage(), e);
        }
    }

    /**
     * The body as the one contract a consumer reads, in the major version it was written for;
     * any other type or version is unreadable for it, so no consumer can skip the check.
     */
    public <T extends org.switchboard.contracts.Message> T expect(Class<T> contract) {
        var expected = MessageType.of(contract);
        if (!expected.name().equals(type) || expected.version() != version) {
            throw new UnreadableMessageException(
                    "Unsupported message " + type + " v" + version + "; this consumer reads " + expected);
        }
        return JsonMessages.fromJson(body, contract);
    }

    /** For log lines about a message that may not even be readable: JMS id and delivery count. */
    public static String describe(Message message) {
        try {
            var count =
                    message.propertyExists(Headers.DELIVERY_COUNT) ? message.getIntProperty(Headers.DELIVERY_COUNT) : 1;
            return message.getJMSMessageID() + " (delivery " + count + ")";
        } catch (JMSException e) {
            return String.valueOf(message);
        }
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new UnreadableMessageException("Missing " + name);
        }
        return value;
    }

    private static UUID uuid(String value, String name) {
        try {
            return UUID.fromString(required(value, name));
        } catch (IllegalArgumentException e) {
            throw new UnreadableMessageException(name + " is not a UUID: " + value, e);
        }
    }

    @Override
    public String toString() {
        return type + " v" + version + " " + messageId + " (correlation " + correlationId + ", delivery "
                + deliveryCount + ")";
    }
}
