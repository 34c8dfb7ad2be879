package org.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.messaging.contract.ProviderContracts;

/**
 * What Pact's metadata matching lets through, checked for the journey notes: every header
 * Operations declared is sent with the same kind, and every note it expects has a builder.
 */
class MessageHandledProviderHeadersTest {

    @Test
    void everyExpectedNoteIsBuiltWithTheDeclaredHeaderKinds() {
        assertThat(ProviderContracts.problems("messaging", MessageHandledProviderContractTest.NOTES))
                .isEmpty();
    }
}
