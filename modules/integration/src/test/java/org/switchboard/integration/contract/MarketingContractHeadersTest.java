package org.switchboard.integration.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.messaging.contract.ProviderContracts;

/**
 * What Pact's metadata matching lets through, checked for Integration's commands: every header a
 * consumer declared is sent with the same kind (an int property as an Integer), and every
 * interaction a consumer expects has a command built for it.
 */
class MarketingContractHeadersTest {

    @Test
    void everyExpectedCommandIsBuiltWithTheDeclaredHeaderKinds() {
        assertThat(ProviderContracts.problems("integration", MarketingContractsTest.COMMANDS))
                .isEmpty();
    }
}
