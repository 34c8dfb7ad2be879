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
import org.switchboard.contracts.shipping.ShipmentArranged;
import org.switchboard.contracts.shipping.ShipmentFailed;
import org.switchboard.messaging.contract.ExpectedMessages;
import org.switchboard.messaging.contract.ExpectedMessages.Expected;
import org.switchboard.messaging.contract.MessageConsumerContract;

/**
 * Ordering's expectations of Shipping's replies to ArrangeShipment. Declared as a Pact message pact ({@code schema/pacts/ordering-shipping.json}) and verified against
 * the shipping module's real message building in its build.
 */
@PactTestFor(providerName = "shipping", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class ShipmentRepliesContractTest extends MessageConsumerContract {

    static final List<Expected> EXPECTED = List.of(
            new Expected(
                    "a ShipmentArranged reply",
                    new ShipmentArranged(id("reply"), AT, id("flow"), id("command"), id("saga"), id("shipment"))),
            new Expected(
                    "a ShipmentFailed reply with its reason",
                    new ShipmentFailed(id("reply"), AT, id("flow"), id("command"), id("saga"), "An island")));

    @BeforeAll
    static void rewriteThePact() {
        ExpectedMessages.rewrite("ordering-shipping.json");
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
