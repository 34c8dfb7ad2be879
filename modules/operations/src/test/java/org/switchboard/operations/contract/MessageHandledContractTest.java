package org.switchboard.operations.contract;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.contracts.operations.MessageHandled;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.MessageType;
import org.switchboard.messaging.contract.PactMessages;

/**
 * Operations' expectations of the {@code MessageHandled} journey notes every consumer's
 * {@code ConsumerInterceptor} (the messaging building block) sends it: the headers and the fields
 * a journey step is made of, as a Pact message pact ({@code schema/pacts/operations-messaging.json}),
 * verified against the building block's real note builder in its own build
 * ({@code MessageHandledProviderContractTest}). Each example goes through Operations' real reading
 * code ({@code IncomingMessage.expect}, as {@code JourneyIngest} reads it).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "messaging", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class MessageHandledContractTest {

    static final String NOTE_ID = "5b1d0c7e-2f4a-4e8b-9c6d-1a2b3c4d5e6f";
    static final String CORRELATION = "7f6c1f0e-3b9a-4d55-9c1e-2a4b8d0e6f11";
    static final String HANDLED_ID = "e41a7c3b-9d20-4c6f-8b15-3f7a2e90d6c8";

    /** Start from no file, so the committed pact is exactly what this class declares. */
    @BeforeAll
    static void rewriteThePact() throws IOException {
        Files.deleteIfExists(Path.of(System.getProperty("pact.rootDir"), "operations-messaging.json"));
    }

    @Pact(consumer = "operations")
    V4Pact processedFromASubscription(MessagePactBuilder builder) {
        return builder.expectsToReceive("a note that a consumer processed a message from a topic subscription")
                .withMetadata(md -> PactMessages.switchboardHeaders(
                        md, MessageType.of(MessageHandled.class), NOTE_ID, CORRELATION, HANDLED_ID))
                .withContent(note(true, "PROCESSED"))
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "operations")
    V4Pact deadLetteredWithItsReason(MessagePactBuilder builder) {
        return builder.expectsToReceive("a note that a consumer dead-lettered a message, with the reason")
                .withMetadata(md -> PactMessages.switchboardHeaders(
                        md, MessageType.of(MessageHandled.class), NOTE_ID, CORRELATION, HANDLED_ID))
                .withContent(note(false, "DEAD_LETTERED"))
                .toPact(V4Pact.class);
    }

    /** What a journey step shows: what was handled, where, by whom, when, and how it ended. */
    private static PactDslJsonBody note(boolean fromTopic, String outcome) {
        return (PactDslJsonBody) LambdaDsl.newJsonBody(o -> {
                    o.uuid("messageId", UUID.fromString(NOTE_ID));
                    o.stringMatcher("occurredAt", PactMessages.INSTANT, "2026-11-30T10:15:00.457Z");
                    o.uuid("correlationId", UUID.fromString(CORRELATION));
                    o.uuid("causationId", UUID.fromString(HANDLED_ID));
                    o.stringType("handledType", fromTopic ? "webstore.CustomerRegistered" : "marketing.CreateCustomer");
                    o.integerType("handledSchemaVersion", fromTopic ? 2 : 1);
                    o.stringType("destination", fromTopic ? "webstore.events" : "marketing.commands");
                    if (fromTopic) {
                        o.stringType("subscription", "integration");
                    }
                    o.stringType("context", fromTopic ? "integration" : "marketing");
                    o.stringType("consumer", fromTopic ? "CustomerRegisteredListener" : "CreateCustomerListener");
                    o.stringMatcher("sentAt", PactMessages.INSTANT, "2026-11-30T10:15:00.398Z");
                    o.integerType("deliveryCount", 1);
                    o.stringValue("outcome", outcome);
                    if ("DEAD_LETTERED".equals(outcome)) {
                        o.stringType("reason", "SCHEMA_VIOLATION");
                    }
                })
                .build();
    }

    @Test
    @PactTestFor(pactMethod = "processedFromASubscription")
    void aProcessedDeliveryBecomesAStepOfItsFlow(List<V4Interaction.AsynchronousMessage> messages) {
        var note = receive(messages.get(0));

        assertThat(note.correlationId()).isEqualTo(UUID.fromString(CORRELATION));
        assertThat(note.causationId()).isEqualTo(UUID.fromString(HANDLED_ID));
        assertThat(note.handledType()).isEqualTo("webstore.CustomerRegistered");
        assertThat(note.destination()).isEqualTo("webstore.events");
        assertThat(note.subscription()).isEqualTo("integration");
        assertThat(note.consumer()).isEqualTo("CustomerRegisteredListener");
        assertThat(note.sentAt()).isBefore(note.occurredAt());
        assertThat(note.outcome()).isEqualTo(MessageHandled.PROCESSED);
        assertThat(note.reason()).isNull();
    }

    @Test
    @PactTestFor(pactMethod = "deadLetteredWithItsReason")
    void aDeadLetteredDeliveryCarriesItsReason(List<V4Interaction.AsynchronousMessage> messages) {
        var note = receive(messages.get(0));

        assertThat(note.outcome()).isEqualTo(MessageHandled.DEAD_LETTERED);
        assertThat(note.reason()).isEqualTo("SCHEMA_VIOLATION");
        assertThat(note.subscription()).isNull();
        assertThat(note.deliveryCount()).isEqualTo(1);
        assertThat(note.occurredAt()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static MessageHandled receive(V4Interaction.AsynchronousMessage message) {
        return IncomingMessage.from(PactMessages.textMessage(message.contentsAsBytes(), message.getMetadata()))
                .expect(MessageHandled.class);
    }
}
