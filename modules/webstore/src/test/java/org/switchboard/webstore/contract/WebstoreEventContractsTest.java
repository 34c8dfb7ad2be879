package org.switchboard.webstore.contract;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.switchboard.messaging.JsonMessages;
import org.switchboard.messaging.contract.MessageProviderContract;
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
class WebstoreEventContractsTest extends MessageProviderContract {

    static final String V2_TWO_NAMES = "a CustomerRegistered v2 event for a customer with a given and a family name";
    static final String V2_ONE_NAME = "a CustomerRegistered v2 event for a customer with only a given name";
    static final String V1 = "a CustomerRegistered v1 event";

    /** Every event consumers may expect, by the interaction's description. */
    static final Map<String, Supplier<JsonMessages.Envelope>> EVENTS = Map.of(
            V2_TWO_NAMES, () -> event("Ada", "Lovelace", true, 2),
            V2_ONE_NAME, () -> event("Plato", null, false, 2),
            V1, () -> event("Ada", "Lovelace", false, 1));

    @PactVerifyProvider(V2_TWO_NAMES)
    MessageAndMetadata v2WithTwoNames() {
        return message(EVENTS.get(V2_TWO_NAMES).get());
    }

    @PactVerifyProvider(V2_ONE_NAME)
    MessageAndMetadata v2WithOneName() {
        return message(EVENTS.get(V2_ONE_NAME).get());
    }

    @PactVerifyProvider(V1)
    MessageAndMetadata v1() {
        return message(EVENTS.get(V1).get());
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
