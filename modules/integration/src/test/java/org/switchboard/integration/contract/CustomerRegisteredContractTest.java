package org.switchboard.integration.contract;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.contracts.webstore.CustomerRegistered;
import org.switchboard.contracts.webstore.CustomerRegisteredV2;
import org.switchboard.integration.control.CustomerTranslator;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.MessageType;
import org.switchboard.messaging.contract.PactMessages;

/**
 * Integration's expectations of the Web Store's {@code CustomerRegistered} events, both majors it
 * reads: the headers and fields the translator relies on, declared as a Pact message pact
 * ({@code schema/pacts/integration-webstore.json}) and verified against the Web Store's real
 * event-building code in the Web Store's build. Each example runs through the real listener path
 * ({@code IncomingMessage.expectOneOf} and the translator).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "webstore", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class CustomerRegisteredContractTest {

    static final String EVENT_ID = "0b8e5c2a-41d7-4f3e-9a6b-c2d18e7f5a90";
    static final String CORRELATION = "7f6c1f0e-3b9a-4d55-9c1e-2a4b8d0e6f11";
    static final String CUSTOMER = "3d2f9a41-8c7e-4b0a-a5d3-6e1f2c9b7a04";

    /**
     * Pact merges into an existing file; starting from none makes the committed pact exactly what
     * this class declares (an interaction whose test is gone disappears with it).
     */
    @org.junit.jupiter.api.BeforeAll
    static void rewriteThePact() throws java.io.IOException {
        java.nio.file.Files.deleteIfExists(
                java.nio.file.Path.of(System.getProperty("pact.rootDir"), "integration-webstore.json"));
    }

    @Pact(consumer = "integration")
    V4Pact v2WithTwoNames(MessagePactBuilder builder) {
        return builder.expectsToReceive("a CustomerRegistered v2 event for a customer with a given and a family name")
                .withMetadata(md -> PactMessages.switchboardHeaders(
                        md, MessageType.of(CustomerRegisteredV2.class), EVENT_ID, CORRELATION, CORRELATION))
                .withContent(event(o -> {
                    o.object("name", name -> {
                        name.stringType("given", "Ada");
                        name.stringType("family", "Lovelace");
                    });
                    o.booleanType("marketingConsent", true);
                }))
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "integration")
    V4Pact v2WithOneName(MessagePactBuilder builder) {
        return builder.expectsToReceive("a CustomerRegistered v2 event for a customer with only a given name")
                .withMetadata(md -> PactMessages.switchboardHeaders(
                        md, MessageType.of(CustomerRegisteredV2.class), EVENT_ID, CORRELATION, CORRELATION))
                .withContent(event(o -> {
                    o.object("name", name -> name.stringType("given", "Plato"));
                    o.booleanType("marketingConsent", false);
                }))
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "integration")
    V4Pact v1(MessagePactBuilder builder) {
        return builder.expectsToReceive("a CustomerRegistered v1 event")
                .withMetadata(md -> PactMessages.switchboardHeaders(
                        md, MessageType.of(CustomerRegistered.class), EVENT_ID, CORRELATION, CORRELATION))
                .withContent(event(o -> o.stringType("fullName", "Ada Lovelace")))
                .toPact(V4Pact.class);
    }

    /** The fields every version carries and the translator reads, plus what the version adds. */
    private static PactDslJsonBody event(Consumer<LambdaDslObject> versionFields) {
        return (PactDslJsonBody) LambdaDsl.newJsonBody(o -> {
                    o.uuid("messageId", UUID.fromString(EVENT_ID));
                    o.stringMatcher("occurredAt", PactMessages.INSTANT, "2026-11-22T10:15:00.412Z");
                    o.uuid("correlationId", UUID.fromString(CORRELATION));
                    o.uuid("causationId", UUID.fromString(CORRELATION));
                    o.uuid("customerId", UUID.fromString(CUSTOMER));
                    o.stringType("email", "ada@example.org");
                    o.stringMatcher("registeredAt", PactMessages.INSTANT, "2026-11-22T10:15:00.398Z");
                    versionFields.accept(o);
                })
                .build();
    }

    @Test
    @PactTestFor(pactMethod = "v2WithTwoNames")
    void v2BecomesACommandWithTheJoinedNameAndTheConsent(List<V4Interaction.AsynchronousMessage> messages) {
        var command = translate(messages.get(0));

        assertThat(command.fullName()).isEqualTo("Ada Lovelace");
        assertThat(command.marketingConsent()).isTrue();
        assertThat(command.customerId()).isEqualTo(UUID.fromString(CUSTOMER));
        assertThat(command.email()).isEqualTo("ada@example.org");
        assertThat(command.customerSince()).isEqualTo(Instant.parse("2026-11-22T10:15:00.398Z"));
        assertThat(command.correlationId()).isEqualTo(UUID.fromString(CORRELATION));
        assertThat(command.causationId()).isEqualTo(UUID.fromString(EVENT_ID));
    }

    @Test
    @PactTestFor(pactMethod = "v2WithOneName")
    void aV2CustomerWithOneNameKeepsIt(List<V4Interaction.AsynchronousMessage> messages) {
        var command = translate(messages.get(0));

        assertThat(command.fullName()).isEqualTo("Plato");
        assertThat(command.marketingConsent()).isFalse();
    }

    @Test
    @PactTestFor(pactMethod = "v1")
    void v1BecomesACommandWithoutConsent(List<V4Interaction.AsynchronousMessage> messages) {
        var command = translate(messages.get(0));

        assertThat(command.fullName()).isEqualTo("Ada Lovelace");
        assertThat(command.marketingConsent()).isNull();
    }

    /** What CustomerRegisteredListener does with the message, minus the send. */
    private static CreateCustomer translate(V4Interaction.AsynchronousMessage message) {
        var incoming = IncomingMessage.from(PactMessages.textMessage(message.contentsAsBytes(), message.getMetadata()));
        var event = incoming.expectOneOf(List.of(CustomerRegistered.class, CustomerRegisteredV2.class));
        return new CustomerTranslator().toCreateCustomer(event);
    }
}
