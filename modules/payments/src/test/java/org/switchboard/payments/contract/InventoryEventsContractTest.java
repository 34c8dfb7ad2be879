package org.switchboard.payments.contract;

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
import org.switchboard.contracts.inventory.StockRestocked;
import org.switchboard.messaging.contract.ExpectedMessages;
import org.switchboard.messaging.contract.ExpectedMessages.Expected;
import org.switchboard.messaging.contract.MessageConsumerContract;

/**
 * Payments' expectations of Inventory in a return: the stock is back, so the order is refunded. Declared as a Pact message pact ({@code schema/pacts/payments-inventory.json}) and verified against
 * the inventory module's real message building in its build.
 */
@PactTestFor(providerName = "inventory", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class InventoryEventsContractTest extends MessageConsumerContract {

    static final List<Expected> EXPECTED = List.of(new Expected(
            "a StockRestocked event",
            new StockRestocked(id("restocked"), AT, id("flow"), id("return"), id("return"), id("order"))));

    @BeforeAll
    static void rewriteThePact() {
        ExpectedMessages.rewrite("payments-inventory.json");
    }

    @Pact(consumer = "payments")
    V4Pact messages(MessagePactBuilder builder) {
        return ExpectedMessages.pact(builder, EXPECTED);
    }

    @Override
    protected List<Expected> expected() {
        return EXPECTED;
    }
}
