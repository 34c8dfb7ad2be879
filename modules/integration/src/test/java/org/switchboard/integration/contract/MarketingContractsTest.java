package org.switchboard.integration.contract;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.switchboard.contracts.webstore.CustomerRegistered;
import org.switchboard.contracts.webstore.CustomerRegisteredV2;
import org.switchboard.integration.control.CustomerTranslator;
import org.switchboard.messaging.JsonMessages;
import org.switchboard.messaging.contract.MessageProviderContract;

/**
 * Integration, as the provider of {@code CreateCustomer}, against every consumer's pact in
 * {@code schema/pacts/}: the commands come from the real translator and the real envelope
 * builder, as {@code CustomerRegisteredListener} sends them. A consumer expectation the commands
 * no longer meet fails here, naming the consumer ("Verifying a pact between marketing and
 * integration").
 */
@Provider("integration")
@PactFolder
class MarketingContractsTest extends MessageProviderContract {

    static final String WITH_CONSENT = "a CreateCustomer command that states the customer's marketing consent";
    static final String WITHOUT_CONSENT = "a CreateCustomer command from a registration that did not state consent";

    /** Every command consumers may expect, by the interaction's description. */
    static final Map<String, Supplier<JsonMessages.Envelope>> COMMANDS = Map.of(
            WITH_CONSENT, () -> JsonMessages.envelope(new CustomerTranslator().toCreateCustomer(v2())),
            WITHOUT_CONSENT, () -> JsonMessages.envelope(new CustomerTranslator().toCreateCustomer(v1())));

    @PactVerifyProvider(WITH_CONSENT)
    MessageAndMetadata commandWithConsent() {
        return message(COMMANDS.get(WITH_CONSENT).get());
    }

    @PactVerifyProvider(WITHOUT_CONSENT)
    MessageAndMetadata commandWithoutConsent() {
        return message(COMMANDS.get(WITHOUT_CONSENT).get());
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
