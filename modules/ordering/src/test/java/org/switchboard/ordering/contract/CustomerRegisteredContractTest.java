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
import org.switchboard.contracts.webstore.CustomerRegistered;
import org.switchboard.contracts.webstore.CustomerRegisteredV2;
import org.switchboard.messaging.contract.ExpectedMessages;
import org.switchboard.messaging.contract.ExpectedMessages.Expected;
import org.switchboard.messaging.contract.MessageConsumerContract;

/**
 * Ordering's expectations of the Web Store's {@code CustomerRegistered}, both majors it reads (event-carried state: its own copy of the customer). Declared as a Pact message pact ({@code schema/pacts/ordering-webstore.json}) and verified against
 * the webstore module's real message building in its build.
 */
@PactTestFor(providerName = "webstore", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class CustomerRegisteredContractTest extends MessageConsumerContract {

    static final List<Expected> EXPECTED = List.of(
            new Expected(
                    "a CustomerRegistered v2 event for a customer with a given and a family name",
                    new CustomerRegisteredV2(
                            id("event"),
                            AT,
                            id("flow"),
                            id("flow"),
                            id("customer"),
                            "ada@example.org",
                            new CustomerRegisteredV2.PersonName("Ada", "Lovelace"),
                            true,
                            AT)),
            new Expected(
                    "a CustomerRegistered v1 event",
                    new CustomerRegistered(
                            id("event"),
                            AT,
                            id("flow"),
                            id("flow"),
                            id("customer"),
                            "ada@example.org",
                            "Ada Lovelace",
                            AT)));

    @BeforeAll
    static void rewriteThePact() {
        ExpectedMessages.rewrite("ordering-webstore.json");
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
