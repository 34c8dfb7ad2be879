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

    /** True when this message is the given contract in the major version this code understands. */
    public boolean is(Class<? extends org.switchboard.contracts.Message> contract) {
        var expected = MessageType.of(contract);
        return expected.name().equals(type) && expected.version() == version;
    }

    public <T> T bodyAs(Class<T> contract) {
        return JsonMessages.fromJson(body, contract);
    }

    /**
     * The body as the one contract (type and major version) a consumer reads; anything else is
     * unreadable for it.
     */
    public <T extends org.switchboard.contracts.Message> T expect(Class<T> contract) {
        if (!is(contract)) {
            throw new UnreadableMessageException("Unsupported message " + type + " v" + version
                    + "; this consumer reads " + MessageType.of(contract));
        }
        return bodyAs(contract);
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
