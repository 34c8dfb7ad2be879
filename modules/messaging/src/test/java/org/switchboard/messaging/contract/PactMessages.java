package org.switchboard.messaging.contract;

import au.com.dius.pact.consumer.dsl.MetadataBuilder;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.switchboard.messaging.Headers;
import org.switchboard.messaging.MessageType;

/**
 * Support for consumer contract tests with Pact message pacts: the JMS headers every Switchboard
 * message carries, declared the way Pact can check them, and a read-only {@link TextMessage} over a
 * Pact message, so a consumer test runs the consumer's real reading code ({@code IncomingMessage}).
 */
public final class PactMessages {

    public static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    /** An ISO-8601 instant in UTC as JSON-B writes it: 0 to 9 fraction digits. */
    public static final String INSTANT = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$";

    private PactMessages() {}

    /**
     * Declares the headers a consumer relies on: the exact logical type, the schema major as an
     * integer equal to the expected one, and the three ids as UUIDs (with the given examples).
     * Pact cannot compare a metadata number for equality, so the major is an integer matcher plus a
     * regular expression; the provider tests add a strict type check on top
     * ({@link ProviderContracts}).
     */
    public static void switchboardHeaders(
            MetadataBuilder metadata, MessageType type, String messageId, String correlationId, String causationId) {
        metadata.add(Headers.JMS_TYPE, type.name());
        metadata.integerType(Headers.SCHEMA_VERSION, type.version());
        metadata.getMatchers().addRule(Headers.SCHEMA_VERSION, new RegexMatcher("^" + type.version() + "$"));
        metadata.matchRegex(Headers.MESSAGE_ID, UUID, messageId);
        metadata.matchRegex(Headers.CORRELATION_ID, UUID, correlationId);
        metadata.matchRegex(Headers.CAUSATION_ID, UUID, causationId);
        metadata.matchRegex(Headers.JMS_CORRELATION_ID, UUID, correlationId);
    }

    /** A received JMS text message as the broker would hand it over: JMSType and JMSCorrelationID as headers, the rest as properties. */
    public static TextMessage textMessage(byte[] body, Map<String, ?> metadata) {
        var text = new String(body, StandardCharsets.UTF_8);
        return (TextMessage) Proxy.newProxyInstance(
                PactMessages.class.getClassLoader(), new Class<?>[] {TextMessage.class}, (proxy, method, args) -> {
                    var name = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                    return switch (method.getName()) {
                        case "getText" -> text;
                        case "getJMSType" -> string(metadata.get(Headers.JMS_TYPE));
                        case "getJMSCorrelationID" -> string(metadata.get(Headers.JMS_CORRELATION_ID));
                        case "getJMSMessageID" -> "ID:pact-" + string(metadata.get(Headers.MESSAGE_ID));
                        case "propertyExists" -> metadata.containsKey(name);
                        case "getStringProperty" -> string(metadata.get(name));
                        case "getObjectProperty" -> metadata.get(name);
                        case "getIntProperty" -> integer(name, metadata.get(name));
                        case "toString" -> "Pact message " + metadata;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    /** JMS conversion rules: an int property, or a String that holds one. */
    private static int integer(String name, Object value) {
        if (value instanceof Integer number) {
            return number;
        }
        if (value instanceof Number number && number.longValue() == number.intValue()) {
            return number.intValue();
        }
        if (value instanceof String text) {
            return Integer.parseInt(text);
        }
        throw new NumberFormatException("No int property " + name + ": " + value);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
