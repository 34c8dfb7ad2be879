package org.switchboard.webstore.contract;

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
import org.switchboard.messaging.JsonMessages;
import org.switchboard.webstore.control.CustomerRegisteredEvents;

/**
 * The Web Store, as the provider of {@code CustomerRegistered}, against every consumer's pact in
 * {@code schema/pacts/}: the events come from the real event builder ({@code CustomerRegisteredEvents},
 * in the version a consumer expects) and the real envelope builder, as {@code CustomerEvents}
 * publishes them. A consumer expectation the events no longer meet fails here, naming the consumer
 * ("Verifying a pact between integration and webstore").
 */
@Provider("webstore")
@PactFolder
class WebstoreEventContractsTest {

    static final Map<String, Supplier<JsonMessages.Envelope>> EVENTS = Map.of(
            "a CustomerRegistered v2 event for a customer with a given and a family name",
            () -> event("Ada", "Lovelace", true, 2),
            "a CustomerRegistered v2 event for a customer with only a given name",
            () -> event("Plato", null, false, 2),
            "a CustomerRegistered v1 event",
            () -> event("Ada", "Lovelace", false, 1));

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

    @PactVerifyProvider("a CustomerRegistered v2 event for a customer with a given and a family name")
    MessageAndMetadata v2WithTwoNames() {
        return message("a CustomerRegistered v2 event for a customer with a given and a family name");
    }

    @PactVerifyProvider("a CustomerRegistered v2 event for a customer with only a given name")
    MessageAndMetadata v2WithOneName() {
        return message("a CustomerRegistered v2 event for a customer with only a given name");
    }

    @PactVerifyProvider("a CustomerRegistered v1 event")
    MessageAndMetadata v1() {
        return message("a CustomerRegistered v1 event");
    }

    private static MessageAndMetadata message(String description) {
        var envelope = EVENTS.get(description).get();
        return new MessageAndMetadata(envelope.body().getBytes(StandardCharsets.UTF_8), envelope.headers());
    }

    private static JsonMessages.Envelope event(String given, String family, boolean consent, int version) {
        return JsonMessages.envelope(CustomerRegisteredEvents.of(
                UUID.randomUUID(),
                "customer@example.org",
                given,
                family,
                consent,
                Instant.parse("2026-11-22T09:00:00Z"),
                UUID.randomUUID(),
                version));
    }
}
