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
import org.switchboard.contracts.ordering.RedriveSaga;
import org.switchboard.messaging.contract.ExpectedMessages;
import org.switchboard.messaging.contract.ExpectedMessages.Expected;
import org.switchboard.messaging.contract.MessageConsumerContract;

/**
 * Ordering's expectations of Operations' approved re-drives, both actions. Declared as a Pact
 * message pact ({@code schema/pacts/ordering-operations.json}) and verified against Operations' real
 * {@code RedriveCommands} in its build.
 */
@PactTestFor(providerName = "operations", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class RedriveContractTest extends MessageConsumerContract {

    static final List<Expected> EXPECTED = List.of(
            new Expected(
                    "a RedriveSaga command to resend the pending step",
                    new RedriveSaga(
                            id("request"),
                            AT,
                            id("flow"),
                            id("request"),
                            id("saga"),
                            "RESEND_PENDING",
                            "operator",
                            "approver",
                            "Shipping lost the command")),
            new Expected(
                    "a RedriveSaga command to force compensation",
                    new RedriveSaga(
                            id("request"),
                            AT,
                            id("flow"),
                            id("request"),
                            id("saga"),
                            "FORCE_COMPENSATION",
                            "operator",
                            "approver",
                            "The customer cancelled by phone")));

    @BeforeAll
    static void rewriteThePact() {
        ExpectedMessages.rewrite("ordering-operations.json");
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
