package org.switchboard.shipping.contract;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.switchboard.contracts.shipping.ShipmentArranged;
import org.switchboard.contracts.shipping.ShipmentFailed;
import org.switchboard.messaging.JsonMessages;
import org.switchboard.messaging.contract.MessageProviderContract;

/**
 * Shipping, as the provider of the replies to ArrangeShipment (to Ordering), against every consumer's pact in {@code schema/pacts/}: each message is the contract
 * record as Shipping fills it, through the real envelope builder (what its outbox stores). A consumer
 * expectation they no longer meet fails here, naming the consumer.
 */
@Provider("shipping")
@PactFolder
class ShippingMessageContractsTest extends MessageProviderContract {

    static final String ARRANGED = "a ShipmentArranged reply";
    static final String FAILED = "a ShipmentFailed reply with its reason";

    /** Every message consumers may expect, by the interaction's description. */
    static final Map<String, Supplier<JsonMessages.Envelope>> MESSAGES = Map.of(
            ARRANGED,
            () -> envelope(new ShipmentArranged(
                    UUID.randomUUID(),
                    Instant.now(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID())),
            FAILED,
            () -> envelope(new ShipmentFailed(
                    UUID.randomUUID(),
                    Instant.now(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    "An island")));

    @PactVerifyProvider(ARRANGED)
    MessageAndMetadata arranged() {
        return message(MESSAGES.get(ARRANGED).get());
    }

    @PactVerifyProvider(FAILED)
    MessageAndMetadata failed() {
        return message(MESSAGES.get(FAILED).get());
    }

    private static JsonMessages.Envelope envelope(org.switchboard.contracts.Message message) {
        return JsonMessages.envelope(message);
    }
}
