package org.switchboard.operations.journeys.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.contracts.operations.MessageHandled;

class OutcomeTest {

    @Test
    void everyOutcomeAJourneyNoteCanCarryIsOne() {
        assertThat(Outcome.valueOf(MessageHandled.PROCESSED)).isEqualTo(Outcome.PROCESSED);
        assertThat(Outcome.valueOf(MessageHandled.DUPLICATE)).isEqualTo(Outcome.DUPLICATE);
        assertThat(Outcome.valueOf(MessageHandled.DEAD_LETTERED)).isEqualTo(Outcome.DEAD_LETTERED);
    }

    @Test
    void onlyDeadLetterAndExpiryQueuesHoldAMessageStuck() {
        assertThat(Outcome.values())
                .filteredOn(Outcome::stuck)
                .containsExactly(Outcome.IN_DEAD_LETTER_QUEUE, Outcome.EXPIRED);
    }
}
