package org.switchboard.messaging;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /**
     * What goes on the wire for a message, without a JMS session: the validated JSON body and the
     * headers ({@code JMSType}, {@code JMSCorrelationID} and the properties). Producers send it
     * with {@link #toTextMessage}; contract tests verify exactly this.
     *
     * @throws ContractViolationException if the body breaks the message's schema
     */
    public static Envelope envelope(Message message) {
        var type = MessageType.of(message.getClass());
        var json = toJson(message);
        var violations = MessageSchemas.standard().validate(type, json);
        if (!violations.isEmpty()) {
            throw new ContractViolationException(type, violations);
        }
        var headers = new LinkedHashMap<String, Object>();
        headers.put(Headers.JMS_TYPE, type.name());
        headers.put(Headers.SCHEMA_VERSION, type.version());
        headers.put(Headers.MESSAGE_ID, message.messageId().toString());
        headers.put(Headers.CORRELATION_ID, message.correlationId().toString());
        headers.put(Headers.CAUSATION_ID, message.causationId().toString());
        headers.put(Headers.JMS_CORRELATION_ID, message.correlationId().toString());
        return new Envelope(json, Collections.unmodifiableMap(headers));
    }

    /** A message ready to send: JSON body and headers, in the order they are set. */
    public record Envelope(String body, Map<String, Object> headers) {}

    public static TextMessage toTextMessage(JMSContext jms, Message message) {
        return toTextMessage(jms, envelope(message));
    }

    /** A message already validated into its envelope, as a text message of this JMS context. */
    public static TextMessage toTextMessage(JMSContext jms, Envelope envelope) {
        return withHeaders(jms.createTextMessage(envelope.body()), envelope);
    }

    /** The same, as a text message of a classic session (the outbox relays' local transactions). */
    public static TextMessage toTextMessage(jakarta.jms.Session session, Envelope envelope) throws JMSException {
        return withHeaders(session.createTextMessage(envelope.body()), envelope);
    }

    private static TextMessage withHeaders(TextMessage text, Envelope envelope) {
        try {
            for (var header : envelope.headers().entrySet()) {
                switch (header.getKey()) {
                    case Headers.JMS_TYPE -> text.setJMSType((String) header.getValue());
                    case Headers.JMS_CORRELATION_ID -> text.setJMSCorrelationID((String) header.getValue());
                    default -> text.setObjectProperty(header.getKey(), header.getValue());
                }
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException(
                    "Cannot set headers of " + envelope.headers().get(Headers.JMS_TYPE) + ": " + e.getMessage(),
                    e.getErrorCode(),
                    e);
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
