package org.switchboard.inventory.contract;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.switchboard.contracts.inventory.StockReserved;
import org.switchboard.contracts.inventory.StockRestocked;
import org.switchboard.contracts.inventory.StockUnavailable;
import org.switchboard.messaging.JsonMessages;
import org.switchboard.messaging.contract.MessageProviderContract;

/**
 * Inventory, as the provider of the replies to ReserveStock (to Ordering) and of the return's {@code StockRestocked} (to Payments), against every consumer's pact in {@code schema/pacts/}: each message is the contract
 * record as Inventory fills it, through the real envelope builder (what its outbox stores). A consumer
 * expectation they no longer meet fails here, naming the consumer.
 */
@Provider("inventory")
@PactFolder
class InventoryMessageContractsTest extends MessageProviderContract {

    static final String RESERVED = "a StockReserved reply";
    static final String UNAVAILABLE = "a StockUnavailable reply with its reason";
    static final String RESTOCKED = "a StockRestocked event";

    /** Every message consumers may expect, by the interaction's description. */
    static final Map<String, Supplier<JsonMessages.Envelope>> MESSAGES = Map.of(
            RESERVED,
            () -> envelope(new StockReserved(
                    UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())),
            UNAVAILABLE,
            () -> envelope(new StockUnavailable(
                    UUID.randomUUID(),
                    Instant.now(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    "Only 1 of MUG-STONE-350 available, 2 asked")),
            RESTOCKED,
            () -> envelope(new StockRestocked(
                    UUID.randomUUID(),
                    Instant.now(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID())));

    @PactVerifyProvider(RESERVED)
    MessageAndMetadata reserved() {
        return message(MESSAGES.get(RESERVED).get());
    }

    @PactVerifyProvider(UNAVAILABLE)
    MessageAndMetadata unavailable() {
        return message(MESSAGES.get(UNAVAILABLE).get());
    }

    @PactVerifyProvider(RESTOCKED)
    MessageAndMetadata restocked() {
        return message(MESSAGES.get(RESTOCKED).get());
    }

    private static JsonMessages.Envelope envelope(org.switchboard.contracts.Message message) {
        return JsonMessages.envelope(message);
    }
}
