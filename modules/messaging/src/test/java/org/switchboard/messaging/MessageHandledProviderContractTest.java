package org.switchboard.messaging;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.switchboard.contracts.operations.MessageHandled;
import org.switchboard.messaging.contract.MessageProviderContract;

/**
 * The building block, as the provider of {@code MessageHandled} journey notes, against Operations'
 * pact in {@code schema/pacts/}: the notes come from {@link JourneyNotes#note}, the builder
 * {@link ConsumerInterceptor} sends. Operations is built after this module (it depends on it), so
 * a changed expectation is verified against the committed pact the consumer test rewrote.
 */
@Provider("messaging")
@PactFolder
class MessageHandledProviderContractTest extends MessageProviderContract {

    static final String PROCESSED = "a note that a consumer processed a message from a topic subscription";
    static final String DEAD_LETTERED = "a note that a consumer dead-lettered a message, with the reason";

    static final Map<String, Supplier<JsonMessages.Envelope>> NOTES = Map.of(
            PROCESSED,
            () -> JourneyNotes.note(
                    delivered("webstore.CustomerRegistered", 2, "webstore.events"),
                    new Consumer("integration", "CustomerRegisteredListener", "integration"),
                    null),
            DEAD_LETTERED,
            () -> JourneyNotes.note(
                    delivered("marketing.CreateCustomer", 1, "marketing.commands"),
                    new Consumer("marketing", "CreateCustomerListener", null),
                    new JourneyMark.Mark(MessageHandled.DEAD_LETTERED, "SCHEMA_VIOLATION")));

    @PactVerifyProvider(PROCESSED)
    MessageAndMetadata processed() {
        return message(NOTES.get(PROCESSED).get());
    }

    @PactVerifyProvider(DEAD_LETTERED)
    MessageAndMetadata deadLettered() {
        return message(NOTES.get(DEAD_LETTERED).get());
    }

    private static JourneyNotes.Delivered delivered(String type, int version, String destination) {
        var correlation = UUID.randomUUID();
        return new JourneyNotes.Delivered(
                UUID.randomUUID(),
                correlation,
                correlation,
                new JourneyNotes.Delivered.Typed(type, version),
                new JourneyNotes.Delivered.Origin(destination, Instant.now().minusMillis(40), 1));
    }
}
