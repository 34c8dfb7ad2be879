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
import org.switchboard.contracts.payments.AuthorisePayment;
import org.switchboard.contracts.payments.RefundPayment;
import org.switchboard.messaging.contract.ExpectedMessages;
import org.switchboard.messaging.contract.ExpectedMessages.Expected;
import org.switchboard.messaging.contract.MessageConsumerContract;

/**
 * Payments' expectations of Ordering's saga commands: AuthorisePayment and its compensation RefundPayment (a void). Declared as a Pact message pact ({@code schema/pacts/payments-ordering.json}) and verified against
 * the ordering module's real message building in its build.
 */
@PactTestFor(providerName = "ordering", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class OrderingCommandsContractTest extends MessageConsumerContract {

    static final List<Expected> EXPECTED = List.of(
            new Expected(
                    "an AuthorisePayment command",
                    new AuthorisePayment(
                            id("command"),
                            AT,
                            id("flow"),
                            id("cause"),
                            id("saga"),
                            id("order"),
                            id("customer"),
                            2500,
                            "EUR")),
            new Expected(
                    "a RefundPayment command",
                    new RefundPayment(id("command"), AT, id("flow"), id("cause"), id("saga"), id("order"))));

    @BeforeAll
    static void rewriteThePact() {
        ExpectedMessages.rewrite("payments-ordering.json");
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
