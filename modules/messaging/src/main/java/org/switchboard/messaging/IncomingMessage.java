package org.switchboard.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.switchboard.messaging.UnreadableMessageException.Reason;
import org.switchboard.messaging.schema.MessageSchemas;

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
                    Reason.NOT_TEXT, "Expected a JSON TextMessage but got " + kind(message));
        }
        try {
            return new IncomingMessage(
                    required(text.getJMSType(), "JMSType"),
                    version(text),
                    uuid(text.getStringProperty(Headers.MESSAGE_ID), Headers.MESSAGE_ID),
                    uuid(text.getStringProperty(Headers.CORRELATION_ID), Headers.CORRELATION_ID),
                    uuid(text.getStringProperty(Headers.CAUSATION_ID), Headers.CAUSATION_ID),
                    text.propertyExists(Headers.DELIVERY_COUNT) ? text.getIntProperty(Headers.DELIVERY_COUNT) : 1,
                    body(text.getText()));
        } catch (JMSException | NumberFormatException e) {
            throw new UnreadableMessageException(
                    Reason.INVALID_HEADERS, "Cannot read message headers: " + e.getMessage(), e);
        }
    }

    /**
     * The body as the one contract a consumer reads, in the major version it was written for. Any
     * other type or version, a body that does not parse or breaks its schema, or headers that
     * disagree with the body make the message unreadable: no consumer can skip these checks.
     */
    public <T extends org.switchboard.contracts.Message> T expect(Class<T> contract) {
        return contract.cast(expectOneOf(List.of(contract)));
    }

    /**
     * The body as whichever of the given contracts matches its type and major version: a tolerant
     * reader lists every version it still understands, e.g. v1 and v2 of an event.
     */
    public org.switchboard.contracts.Message expectOneOf(
            List<Class<? extends org.switchboard.contracts.Message>> contracts) {
        var contract = contracts.stream()
                .filter(c -> MessageType.of(c).equals(new MessageType(type, version)))
                .findFirst()
                .orElseThrow(() -> unsupported(contracts));
        var messageType = MessageType.of(contract);
        List<org.switchboard.messaging.schema.SchemaViolation> violations;
        // Defaults first: a message written before a defaulted field existed is still readable.
        // Reading the body, there or in the validator, is also the JSON check. Any other failure is ours
        // (registry, validator), not the message's: it propagates and the delivery is retried.
        String json;
        try {
            json = MessageSchemas.standard().withDefaults(messageType, body);
            violations = MessageSchemas.standard().validate(messageType, json);
        } catch (jakarta.json.JsonException e) {
            throw new UnreadableMessageException(Reason.MALFORMED_JSON, "Body is not JSON: " + e.getMessage(), e);
        }
        if (!violations.isEmpty()) {
            throw new UnreadableMessageException(
                    Reason.SCHEMA_VIOLATION,
                    messageType + " breaks its schema: "
                            + violations.stream().map(Object::toString).collect(Collectors.joining("; ")),
                    violations);
        }
        var message = JsonMessages.fromJson(json, contract);
        if (!messageId.equals(message.messageId())
                || !correlationId.equals(message.correlationId())
                || !causationId.equals(message.causationId())) {
            throw new UnreadableMessageException(
                    Reason.INVALID_HEADERS,
                    "Headers and body disagree: messageId/correlationId/causationId " + messageId + "/"
                            + correlationId + "/" + causationId + " in the headers, " + message.messageId() + "/"
                            + message.correlationId() + "/" + message.causationId() + " in the body");
        }
        return message;
    }

    private UnreadableMessageException unsupported(List<Class<? extends org.switchboard.contracts.Message>> contracts) {
        var readable = contracts.stream().map(MessageType::of).toList();
        var names = readable.stream().map(MessageType::toString).collect(Collectors.joining(", "));
        var knowsType = readable.stream().anyMatch(t -> t.name().equals(type));
        return knowsType
                ? new UnreadableMessageException(
                        Reason.UNSUPPORTED_VERSION,
                        "Unsupported major version " + version + " of " + type + "; this consumer reads " + names)
                : new UnreadableMessageException(
                        Reason.UNKNOWN_TYPE, "Unknown message type " + type + "; this consumer reads " + names);
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

    private static String kind(Message message) {
        for (var candidate : List.of(
                jakarta.jms.BytesMessage.class, jakarta.jms.MapMessage.class, jakarta.jms.StreamMessage.class)) {
            if (candidate.isInstance(message)) {
                return candidate.getSimpleName();
            }
        }
        // Object messages included: their body is never deserialized here.
        return message.getClass().getSimpleName();
    }

    private static int version(TextMessage text) throws JMSException {
        if (!text.propertyExists(Headers.SCHEMA_VERSION)) {
            throw new UnreadableMessageException(Reason.INVALID_HEADERS, "Missing " + Headers.SCHEMA_VERSION);
        }
        return text.getIntProperty(Headers.SCHEMA_VERSION);
    }

    private static String body(String text) {
        if (text == null || text.isBlank()) {
            throw new UnreadableMessageException(Reason.MALFORMED_JSON, "Empty body");
        }
        return text;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new UnreadableMessageException(Reason.INVALID_HEADERS, "Missing " + name);
        }
        return value;
    }

    private static UUID uuid(String value, String name) {
        try {
            return UUID.fromString(required(value, name));
        } catch (IllegalArgumentException e) {
            throw new UnreadableMessageException(Reason.INVALID_HEADERS, name + " is not a UUID: " + value, e);
        }
    }

    @Override
    public String toString() {
        return type + " v" + version + " " + messageId + " (correlation " + correlationId + ", delivery "
                + deliveryCount + ")";
    }
}
