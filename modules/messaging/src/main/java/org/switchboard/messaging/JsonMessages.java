package org.switchboard.messaging;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import org.switchboard.contracts.Message;
import org.switchboard.messaging.schema.MessageSchemas;

/**
 * Turns contract records into JSON {@code TextMessage}s with Switchboard's headers. Every outgoing
 * body is validated against its schema first: a message that breaks its contract is never sent.
 */
public final class JsonMessages {

    /** Jsonb instances are thread-safe and expensive to create: one for the whole application. */
    private static final Jsonb JSONB = JsonbBuilder.create();

    private JsonMessages() {}

    public static TextMessage toTextMessage(JMSContext jms, Message message) {
        var type = MessageType.of(message.getClass());
        var json = toJson(message);
        var violations = MessageSchemas.standard().validate(type, json);
        if (!violations.isEmpty()) {
            throw new ContractViolationException(type, violations);
        }
        var text = jms.createTextMessage(json);
        try {
            text.setJMSType(type.name());
            text.setIntProperty(Headers.SCHEMA_VERSION, type.version());
            text.setStringProperty(Headers.MESSAGE_ID, message.messageId().toString());
            text.setStringProperty(
                    Headers.CORRELATION_ID, message.correlationId().toString());
            text.setStringProperty(Headers.CAUSATION_ID, message.causationId().toString());
            text.setJMSCorrelationID(message.correlationId().toString());
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot set headers of " + type + ": " + e.getMessage(), e.getErrorCode(), e);
        }
        return text;
    }

    public static String toJson(Object message) {
        return JSONB.toJson(message);
    }

    static <T> T fromJson(String json, Class<T> type) {
        try {
            return JSONB.fromJson(json, type);
        } catch (JsonbException e) {
            throw new UnreadableMessageException(
                    UnreadableMessageException.Reason.MALFORMED_JSON,
                    "Body is not a valid " + type.getSimpleName() + ": " + e.getMessage(),
                    e);
        }
    }
}
