package org.switchboard.inventory.contract;

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
import org.switchboard.contracts.inventory.ReleaseStock;
import org.switchboard.contracts.inventory.ReserveStock;
import org.switchboard.contracts.inventory.StockLine;
import org.switchboard.contracts.ordering.ReturnRequested;
import org.switchboard.contracts.ordering.ReturnedLine;
import org.switchboard.messaging.contract.ExpectedMessages;
import org.switchboard.messaging.contract.ExpectedMessages.Expected;
import org.switchboard.messaging.contract.MessageConsumerContract;

/**
 * Inventory's expectations of Ordering: the saga's ReserveStock and its compensation ReleaseStock, and the return's ReturnRequested. Declared as a Pact message pact ({@code schema/pacts/inventory-ordering.json}) and verified against
 * the ordering module's real message building in its build.
 */
@PactTestFor(providerName = "ordering", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class OrderingMessagesContractTest extends MessageConsumerContract {

    static final List<Expected> EXPECTED = List.of(
            new Expected(
                    "a ReserveStock command",
                    new ReserveStock(
                            id("command"),
                            AT,
                            id("flow"),
                            id("cause"),
                            id("saga"),
                            id("order"),
                            List.of(new StockLine("TEA", 2)))),
            new Expected(
                    "a ReleaseStock command",
                    new ReleaseStock(id("command"), AT, id("flow"), id("cause"), id("saga"), id("order"))),
            new Expected(
                    "a ReturnRequested event",
                    new ReturnRequested(
                            id("event"),
                            AT,
                            id("flow"),
                            id("return"),
                            id("return"),
                            id("order"),
                            List.of(new ReturnedLine("TEA", 2)))));

    @BeforeAll
    static void rewriteThePact() {
        ExpectedMessages.rewrite("inventory-ordering.json");
    }

    @Pact(consumer = "inventory")
    V4Pact messages(MessagePactBuilder builder) {
        return ExpectedMessages.pact(builder, EXPECTED);
    }

    @Override
    protected List<Expected> expected() {
        return EXPECTED;
    }
}
