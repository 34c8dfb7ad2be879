package org.switchboard.payments.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.messaging.contract.ProviderContracts;

/**
 * What Pact's metadata matching lets through, checked for Payments's messages: every header a
 * consumer declared is sent with the same kind, and every interaction a consumer expects has a
 * message built for it.
 */
class PaymentsContractHeadersTest {

    @Test
    void everyExpectedMessageIsBuiltWithTheDeclaredHeaderKinds() {
        assertThat(ProviderContracts.problems("payments", PaymentsMessageContractsTest.MESSAGES))
                .isEmpty();
    }
}
