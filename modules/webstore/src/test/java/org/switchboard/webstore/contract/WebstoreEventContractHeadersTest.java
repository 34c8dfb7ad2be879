package org.switchboard.webstore.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.messaging.contract.ProviderContracts;

/**
 * Closes a gap in Pact's metadata matching for WebstoreEventContractsTest: every header a consumer's pact declares
 * is present with the same kind (an int property stays an Integer, a String a String), and every
 * interaction consumers expect from webstore has a message built for it.
 */
class WebstoreEventContractHeadersTest {

    @Test
    void headersHaveExactlyTheKindsConsumersDeclared() {
        var expectations = ProviderContracts.expectationsOf("webstore");

        assertThat(expectations).as("pacts naming webstore as provider").isNotEmpty();
        for (var expectation : expectations) {
            assertThat(WebstoreEventContractsTest.EVENTS)
                    .as("an event for %s", expectation)
                    .containsKey(expectation.description());
            assertThat(ProviderContracts.headerMismatches(
                            expectation,
                            WebstoreEventContractsTest.EVENTS
                                    .get(expectation.description())
                                    .get()
                                    .headers()))
                    .isEmpty();
        }
    }
}
