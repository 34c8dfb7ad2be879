package org.switchboard.webstore.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.messaging.contract.ProviderContracts;

/**
 * What Pact's metadata matching lets through, checked for the Web Store's events: every header a
 * consumer declared is sent with the same kind (an int property as an Integer), and every
 * interaction a consumer expects has an event built for it.
 */
class WebstoreEventContractHeadersTest {

    @Test
    void everyExpectedEventIsBuiltWithTheDeclaredHeaderKinds() {
        assertThat(ProviderContracts.problems("webstore", WebstoreEventContractsTest.EVENTS))
                .isEmpty();
    }
}
