package org.switchboard.messaging.contract;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.switchboard.contracts.Message;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.MessageType;

/**
 * A consumer's expectations of one provider, declared from examples of the contract records: each
 * example becomes an interaction whose headers are {@link PactMessages#switchboardHeaders} and whose
 * body holds every field the example sets (a null field is left out: the consumer does not rely on
 * it), each with a matcher of its kind. The consumer's test then reads every message of the pact
 * back through {@link IncomingMessage}, as its listener does, and must get the example.
 */
public final class ExpectedMessages {

    /** One message the consumer expects: its description in the pact, and an example of it. */
    public record Expected(String description, Message example) {}

    /** When every example happened: fixed, so that a pact changes only when an expectation does. */
    public static final Instant AT = Instant.parse("2026-11-22T10:15:00.412Z");

    private ExpectedMessages() {}

    /** A fixed id for an example, named after what it identifies (the same name, the same id). */
    public static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Pact merges into an existing file; starting from none makes the committed pact exactly what
     * the consumer declares (an interaction whose example is gone disappears with it).
     */
    public static void rewrite(String pactFile) {
        try {
            Files.deleteIfExists(Path.of(System.getProperty("pact.rootDir"), pactFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static V4Pact pact(MessagePactBuilder builder, List<Expected> expected) {
        var messages = builder;
        for (var e : expected) {
            var example = e.example();
            messages = messages.expectsToReceive(e.description())
                    .withMetadata(md -> PactMessages.switchboardHeaders(
                            md,
                            MessageType.of(example.getClass()),
                            example.messageId().toString(),
                            example.correlationId().toString(),
                            example.causationId().toString()))
                    .withContent(body((Record) example));
        }
        return messages.toPact(V4Pact.class);
    }

    /** Each message of the pact read as the consumer reads it: it must be its example. */
    public static void assertReadBack(List<V4Interaction.AsynchronousMessage> messages, List<Expected> expected) {
        if (messages.size() != expected.size()) {
            throw new AssertionError(expected.size() + " messages expected, the pact has " + messages.size());
        }
        for (var message : messages) {
            var example = expected.stream()
                    .filter(e -> e.description().equals(message.getDescription()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No example for " + message.getDescription()))
                    .example();
            var incoming =
                    IncomingMessage.from(PactMessages.textMessage(message.contentsAsBytes(), message.getMetadata()));
            var read = incoming.expect(example.getClass());
            if (!example.equals(read)) {
                throw new AssertionError(message.getDescription() + ": read " + read + ", expected " + example);
            }
        }
    }

    /** The example's fields as a Pact body: UUIDs and instants by pattern, the rest by type. */
    static PactDslJsonBody body(Record example) {
        var body = new PactDslJsonBody();
        fill(body, example);
        return body;
    }

    private static void fill(PactDslJsonBody body, Record example) {
        for (var component : example.getClass().getRecordComponents()) {
            var name = component.getName();
            Object value;
            try {
                value = component.getAccessor().invoke(example);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(name + " of " + example, e);
            }
            if (value == null) {
                continue;
            }
            if (value instanceof UUID uuid) {
                body.uuid(name, uuid);
            } else if (value instanceof Instant instant) {
                body.stringMatcher(name, PactMessages.INSTANT, instant.toString());
            } else if (value instanceof String text) {
                body.stringType(name, text);
            } else if (value instanceof Boolean flag) {
                body.booleanType(name, flag);
            } else if (value instanceof BigDecimal decimal) {
                body.decimalType(name, decimal);
            } else if (value instanceof Number number) {
                body.integerType(name, number.longValue());
            } else if (value instanceof Enum<?> constant) {
                body.stringType(name, constant.name());
            } else if (value instanceof Record nested) {
                var object = body.object(name);
                fill(object, nested);
                object.closeObject();
            } else if (value instanceof List<?> list && list.size() == 1 && list.get(0) instanceof Record first) {
                // Every element like the example's one: a consumer reads each the same way.
                var element = body.eachLike(name);
                fill(element, first);
                DslPart array = element.closeObject();
                array.closeArray();
            } else {
                throw new IllegalArgumentException("No Pact matcher for " + name + " = " + value);
            }
        }
    }
}
