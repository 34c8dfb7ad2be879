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
import org.switchboard.contracts.payments.ReturnRefundFailed;
import org.switchboard.messaging.contract.ExpectedMessages;
import org.switchboard.messaging.contract.ExpectedMessages.Expected;
import org.switchboard.messaging.contract.MessageConsumerContract;

/**
 * Inventory's expectations of Payments in a return: the refund failed, so the restock is reversed. Declared as a Pact message pact ({@code schema/pacts/inventory-payments.json}) and verified against
 * the payments module's real message building in its build.
 */
@PactTestFor(providerName = "payments", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class PaymentsEventsContractTest extends MessageConsumerContract {

    static final List<Expected> EXPECTED = List.of(new Expected(
            "a ReturnRefundFailed event with its reason",
            new ReturnRefundFailed(
                    id("refund-failed"), AT, id("flow"), id("restocked"), id("return"), id("order"), "On hold")));

    @BeforeAll
    static void rewriteThePact() {
        ExpectedMessages.rewrite("inventory-payments.json");
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
