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
import org.switchboard.contracts.payments.PaymentAuthorised;
import org.switchboard.contracts.payments.PaymentDeclined;
import org.switchboard.contracts.payments.ReturnRefundFailed;
import org.switchboard.contracts.payments.ReturnRefunded;
import org.switchboard.messaging.contract.ExpectedMessages;
import org.switchboard.messaging.contract.ExpectedMessages.Expected;
import org.switchboard.messaging.contract.MessageConsumerContract;

/**
 * Ordering's expectations of Payments: the replies to AuthorisePayment, and how a return's refund went. Declared as a Pact message pact ({@code schema/pacts/ordering-payments.json}) and verified against
 * the payments module's real message building in its build.
 */
@PactTestFor(providerName = "payments", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class PaymentsMessagesContractTest extends MessageConsumerContract {

    static final List<Expected> EXPECTED = List.of(
            new Expected(
                    "a PaymentAuthorised reply",
                    new PaymentAuthorised(id("reply"), AT, id("flow"), id("command"), id("saga"), id("authorisation"))),
            new Expected(
                    "a PaymentDeclined reply with its reason",
                    new PaymentDeclined(id("reply"), AT, id("flow"), id("command"), id("saga"), "Over the limit")),
            new Expected(
                    "a ReturnRefunded event",
                    new ReturnRefunded(
                            id("refunded"), AT, id("flow"), id("restocked"), id("return"), id("order"), 2500)),
            new Expected(
                    "a ReturnRefundFailed event with its reason",
                    new ReturnRefundFailed(
                            id("refund-failed"),
                            AT,
                            id("flow"),
                            id("restocked"),
                            id("return"),
                            id("order"),
                            "On hold")));

    @BeforeAll
    static void rewriteThePact() {
        ExpectedMessages.rewrite("ordering-payments.json");
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
