package org.switchboard.marketing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.dsl.LambdaDsl;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.marketing.entity.Contact;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.MessageType;
import org.switchboard.messaging.contract.PactMessages;

/**
 * Marketing's expectations of the {@code CreateCustomer} commands Integration sends it: the
 * headers and fields Marketing reads, declared as a Pact message pact
 * ({@code schema/pacts/marketing-integration.json}) and verified against Integration's real
 * translator in Integration's build. Each test feeds the example through Marketing's real reading
 * code, so the pact only declares what Marketing can in fact consume.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "integration", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class CreateCustomerContractTest {

    static final String COMMAND_ID = "e41a7c3b-9d20-4c6f-8b15-3f7a2e90d6c8";
    static final String CORRELATION = "7f6c1f0e-3b9a-4d55-9c1e-2a4b8d0e6f11";
    static final String EVENT_ID = "0b8e5c2a-41d7-4f3e-9a6b-c2d18e7f5a90";

    /**
     * Pact merges into an existing file; starting from none makes the committed pact exactly what
     * this class declares (an interaction whose test is gone disappears with it).
     */
    @org.junit.jupiter.api.BeforeAll
    static void rewriteThePact() throws java.io.IOException {
        java.nio.file.Files.deleteIfExists(
                java.nio.file.Path.of(System.getProperty("pact.rootDir"), "marketing-integration.json"));
    }

    @Pact(consumer = "marketing")
    V4Pact commandWithConsent(au.com.dius.pact.consumer.MessagePactBuilder builder) {
        return builder.expectsToReceive("a CreateCustomer command that states the customer's marketing consent")
                .withMetadata(md -> PactMessages.switchboardHeaders(
                        md, MessageType.of(CreateCustomer.class), COMMAND_ID, CORRELATION, EVENT_ID))
                .withContent(body(true))
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "marketing")
    V4Pact commandWithoutConsent(au.com.dius.pact.consumer.MessagePactBuilder builder) {
        return builder.expectsToReceive("a CreateCustomer command from a registration that did not state consent")
                .withMetadata(md -> PactMessages.switchboardHeaders(
                        md, MessageType.of(CreateCustomer.class), COMMAND_ID, CORRELATION, EVENT_ID))
                .withContent(body(null))
                .toPact(V4Pact.class);
    }

    /** The fields Marketing stores, and the ones its schema check needs; consent only when stated. */
    private static PactDslJsonBody body(Boolean consent) {
        return (PactDslJsonBody) LambdaDsl.newJsonBody(o -> {
                    o.uuid("messageId", UUID.fromString(COMMAND_ID));
                    o.stringMatcher("occurredAt", PactMessages.INSTANT, "2026-11-22T10:15:00.457Z");
                    o.uuid("correlationId", UUID.fromString(CORRELATION));
                    o.uuid("causationId", UUID.fromString(EVENT_ID));
                    o.uuid("customerId", UUID.fromString("3d2f9a41-8c7e-4b0a-a5d3-6e1f2c9b7a04"));
                    o.stringType("email", "ada@example.org");
                    o.stringType("fullName", "Ada Lovelace");
                    o.stringMatcher("customerSince", PactMessages.INSTANT, "2026-11-22T10:15:00.398Z");
                    if (consent != null) {
                        o.booleanType("marketingConsent", consent);
                    }
                })
                .build();
    }

    @Test
    @PactTestFor(pactMethod = "commandWithConsent")
    void marketingStoresAContactThatMayBeMailed(List<V4Interaction.AsynchronousMessage> messages) {
        var contact = receive(messages.get(0));

        assertThat(contact.email()).isEqualTo("ada@example.org");
        assertThat(contact.fullName()).isEqualTo("Ada Lovelace");
        assertThat(contact.customerSince()).isEqualTo(Instant.parse("2026-11-22T10:15:00.398Z"));
        assertThat(contact.correlationId()).isEqualTo(UUID.fromString(CORRELATION));
        assertThat(contact.sourceMessageId()).isEqualTo(UUID.fromString(COMMAND_ID));
        assertThat(contact.mayReceiveMarketing()).isTrue();
    }

    @Test
    @PactTestFor(pactMethod = "commandWithoutConsent")
    void marketingTreatsUnstatedConsentAsNo(List<V4Interaction.AsynchronousMessage> messages) {
        var contact = receive(messages.get(0));

        assertThat(contact.marketingConsent()).isNull();
        assertThat(contact.mayReceiveMarketing()).isFalse();
    }

    /** What CreateCustomerListener and ContactOnboarding do with the message, minus the database. */
    private static Contact receive(V4Interaction.AsynchronousMessage message) {
        var incoming = IncomingMessage.from(PactMessages.textMessage(message.contentsAsBytes(), message.getMetadata()));
        var command = incoming.expect(CreateCustomer.class);
        return new Contact(
                command.customerId(),
                command.email(),
                command.fullName(),
                command.customerSince(),
                command.marketingConsent(),
                command.correlationId(),
                command.messageId(),
                Instant.now());
    }
}
