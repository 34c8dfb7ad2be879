package org.switchboard.integration.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.messaging.contract.ProviderContracts;

/**
 * Closes a gap in Pact's metadata matching for MarketingContractsTest: every header a consumer's pact declares
 * is present with the same kind (an int property stays an Integer, a String a String), and every
 * interaction consumers expect from integration has a message built for it.
 */
class MarketingContractHeadersTest {

    @Test
    void headersHaveExactlyTheKindsConsumersDeclared() {
        var expectations = ProviderContracts.expectationsOf("integration");

        assertThat(expectations).as("pacts naming integration as provider").isNotEmpty();
        for (var expectation : expectations) {
            assertThat(MarketingContractsTest.COMMANDS)
                    .as("a command for %s", expectation)
                    .containsKey(expectation.description());
            assertThat(ProviderContracts.headerMismatches(
                            expectation,
                            MarketingContractsTest.COMMANDS
                                    .get(expectation.description())
                                    .get()
                                    .headers()))
                    .isEmpty();
        }
    }
}
