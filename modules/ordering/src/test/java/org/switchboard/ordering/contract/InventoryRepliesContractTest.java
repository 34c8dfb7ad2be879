package org.switchboard.ordering.contract;

import static org.switchboard.messaging.contract.ExpectedMessages.AT;
import static org.switchboard.messaging.contract.ExpectedMessages.id;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.switchboard.contracts.inventory.StockReserved;
import org.switchboard.contracts.inventory.StockUnavailable;
import org.switchboard.messaging.contract.ExpectedMessages;
import org.switchboard.messaging.contract.ExpectedMessages.Expected;
import org.switchboard.messaging.contract.MessageConsumerContract;

/**
 * Ordering's expectations of Inventory's replies to its saga's ReserveStock. Declared as a Pact message pact ({@code schema/pacts/ordering-inventory.json}) and verified against
 * the inventory module's real message building in its build.
 */
@PactTestFor(providerName = "inventory", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class InventoryRepliesContractTest extends MessageConsumerContract {

    static final List<Expected> EXPECTED = List.of(
            new Expected(
                    "a StockReserved reply", new StockReserved(id("reply"), AT, id("flow"), id("command"), id("saga"))),
            new Expected(
                    "a StockUnavailable reply with its reason",
                    new StockUnavailable(
                            id("reply"), AT, id("flow"), id("command"), id("saga"), "Only 3 of TEA left")));

    @BeforeAll
    static void rewriteThePact() {
        ExpectedMessages.rewrite("ordering-inventory.json");
    }

    @Pact(consumer = "ordering")
    V4Pact messages(MessagePactBuilder builder) {
        return ExpectedMessages.pact(builder, EXPECTED);
    }

    @Override
    protected List<Expected> expected() {
        return EXPECTED;
    }
}
