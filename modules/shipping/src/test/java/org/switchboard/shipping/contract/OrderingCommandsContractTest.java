package org.switchboard.shipping.contract;

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
import org.switchboard.contracts.shipping.ArrangeShipment;
import org.switchboard.messaging.contract.ExpectedMessages;
import org.switchboard.messaging.contract.ExpectedMessages.Expected;
import org.switchboard.messaging.contract.MessageConsumerContract;

/**
 * Shipping's expectations of Ordering's ArrangeShipment, with and without the order's document (a claim-check reference). Declared as a Pact message pact ({@code schema/pacts/shipping-ordering.json}) and verified against
 * the ordering module's real message building in its build.
 */
@PactTestFor(providerName = "ordering", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class OrderingCommandsContractTest extends MessageConsumerContract {

    static final List<Expected> EXPECTED = List.of(
            new Expected(
                    "an ArrangeShipment command without a document",
                    new ArrangeShipment(
                            id("command"),
                            AT,
                            id("flow"),
                            id("cause"),
                            id("saga"),
                            id("order"),
                            id("customer"),
                            false,
                            null)),
            new Expected(
                    "an ArrangeShipment command with a document by claim check",
                    new ArrangeShipment(
                            id("command"),
                            AT,
                            id("flow"),
                            id("cause"),
                            id("saga"),
                            id("order"),
                            id("customer"),
                            true,
                            new ArrangeShipment.Attachment(
                                    id("claim"),
                                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                                    10_485_760,
                                    "application/pdf"))));

    @BeforeAll
    static void rewriteThePact() {
        ExpectedMessages.rewrite("shipping-ordering.json");
    }

    @Pact(consumer = "shipping")
    V4Pact messages(MessagePactBuilder builder) {
        return ExpectedMessages.pact(builder, EXPECTED);
    }

    @Override
    protected List<Expected> expected() {
        return EXPECTED;
    }
}
