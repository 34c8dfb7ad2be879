package org.switchboard.integration.contract;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.contracts.webstore.CustomerRegistered;
import org.switchboard.contracts.webstore.CustomerRegisteredV2;
import org.switchboard.integration.control.CustomerTranslator;
import org.switchboard.messaging.JsonMessages;

/**
 * Integration, as the provider of {@code CreateCustomer}, against every consumer's pact in
 * {@code schema/pacts/}: the commands come from the real translator and the real envelope
 * builder, as {@code CustomerRegisteredListener} sends them. A consumer expectation the commands
 * no longer meet fails here, naming the consumer ("Verifying a pact between marketing and
 * integration").
 */
@Provider("integration")
@PactFolder
class MarketingContractsTest {

    static final Map<String, Supplier<JsonMessages.Envelope>> COMMANDS = Map.of(
            "a CreateCustomer command that states the customer's marketing consent",
            () -> JsonMessages.envelope(new CustomerTranslator().toCreateCustomer(v2())),
            "a CreateCustomer command from a registration that did not state consent",
            () -> JsonMessages.envelope(new CustomerTranslator().toCreateCustomer(v1())));

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        if (context != null) {
            context.setTarget(new MessageTestTarget(List.of(getClass().getPackageName())));
        }
    }

    @PactVerifyProvider("a CreateCustomer command that states the customer's marketing consent")
    MessageAndMetadata commandWithConsent() {
        return message(COMMANDS.get("a CreateCustomer command that states the customer's marketing consent"));
    }

    @PactVerifyProvider("a CreateCustomer command from a registration that did not state consent")
    MessageAndMetadata commandWithoutConsent() {
        return message(COMMANDS.get("a CreateCustomer command from a registration that did not state consent"));
    }

    private static MessageAndMetadata message(Supplier<JsonMessages.Envelope> command) {
        var envelope = command.get();
        return new MessageAndMetadata(envelope.body().getBytes(StandardCharsets.UTF_8), envelope.headers());
    }

    static CustomerRegisteredV2 v2() {
        var correlation = UUID.randomUUID();
        return new CustomerRegisteredV2(
                UUID.randomUUID(),
                Instant.now(),
                correlation,
                correlation,
                UUID.randomUUID(),
                "grace@example.org",
                new CustomerRegisteredV2.PersonName("Grace", "Hopper"),
                true,
                Instant.parse("2026-11-22T09:00:00Z"));
    }

    static CustomerRegistered v1() {
        var correlation = UUID.randomUUID();
        return new CustomerRegistered(
                UUID.randomUUID(),
                Instant.now(),
                correlation,
                correlation,
                UUID.randomUUID(),
                "grace@example.org",
                "Grace Hopper",
                Instant.parse("2026-11-22T09:00:00.5Z"));
    }
}
