package org.switchboard.operations.journeys.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.operations.journeys.control.Steps.live;
import static org.switchboard.operations.journeys.control.Steps.noted;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.operations.journeys.entity.JourneyStatus;
import org.switchboard.operations.journeys.entity.Outcome;

class JourneySummaryTest {

    static final String COMMAND = "marketing.CreateCustomer";

    @Test
    void everyMessageHandledAndNoneWaitingIsDone() {
        var summary = JourneySummary.of(
                List.of(noted("m1", COMMAND, "CreateCustomerListener", Outcome.PROCESSED, null)), 0, List.of());

        assertThat(summary.status()).isEqualTo(JourneyStatus.DONE);
        assertThat(summary.lines())
                .containsExactly("marketing.CreateCustomer m1: processed by marketing/CreateCustomerListener at "
                        + Steps.T0.plusSeconds(1) + " (delivery 1)");
    }

    @Test
    void aMessageInAQueueOrAPendingNoteIsInProgress() {
        assertThat(JourneySummary.of(List.of(live("m1", Outcome.WAITING, "marketing.commands")), 0, List.of())
                        .status())
                .isEqualTo(JourneyStatus.IN_PROGRESS);
        assertThat(JourneySummary.of(List.of(live("m1", Outcome.RETRYING, "marketing.commands")), 0, List.of())
                        .status())
                .isEqualTo(JourneyStatus.IN_PROGRESS);
        var pending = JourneySummary.of(
                List.of(noted("m1", COMMAND, "CreateCustomerListener", Outcome.PROCESSED, null)), 2, List.of());
        assertThat(pending.status()).isEqualTo(JourneyStatus.IN_PROGRESS);
        assertThat(pending.lines())
                .last()
                .isEqualTo("2 journey note(s) of this flow not recorded yet (queue ops.journey)");
    }

    @Test
    void aMessageInADeadLetterOrExpiryQueueIsStuckWhateverElseHappened() {
        var stuck = JourneySummary.of(
                List.of(
                        noted("m1", COMMAND, "CreateCustomerListener", Outcome.DEAD_LETTERED, "SCHEMA_VIOLATION"),
                        live("m1", Outcome.IN_DEAD_LETTER_QUEUE, "DLQ.marketing.commands"),
                        live("m2", Outcome.WAITING, "marketing.commands")),
                1,
                List.of());

        assertThat(stuck.status()).isEqualTo(JourneyStatus.STUCK);
        assertThat(stuck.lines())
                .as("the latest state of each message: where it is now")
                .startsWith(
                        "marketing.CreateCustomer m1: in dead-letter queue DLQ.marketing.commands (SCHEMA_VIOLATION);"
                                + " an operator can request a replay",
                        "marketing.CreateCustomer m2: waiting in marketing.commands since " + Steps.T0);
        assertThat(JourneySummary.of(List.of(live("m1", Outcome.EXPIRED, "ExpiryQueue")), 0, List.of())
                        .status())
                .isEqualTo(JourneyStatus.STUCK);
    }

    @Test
    void aDeadLetterThatIsInNoQueueAnyMoreWasAbandoned() {
        var abandoned = JourneySummary.of(
                List.of(noted("m1", COMMAND, "CreateCustomerListener", Outcome.DEAD_LETTERED, "SCHEMA_VIOLATION")),
                0,
                List.of());

        assertThat(abandoned.status()).isEqualTo(JourneyStatus.ABANDONED);
        assertThat(abandoned.lines().get(0))
                .contains("dead-lettered by marketing/CreateCustomerListener (SCHEMA_VIOLATION)")
                .contains("in no queue now");
    }

    @Test
    void aDeadLetterHandledAgainAfterAReplayIsNotAbandoned() {
        var replayed = JourneySummary.of(
                List.of(
                        noted("m1", COMMAND, "CreateCustomerListener", Outcome.DEAD_LETTERED, "TRANSIENT"),
                        noted("m1", COMMAND, "CreateCustomerListener", Outcome.PROCESSED, null)),
                0,
                List.of());

        assertThat(replayed.status()).isEqualTo(JourneyStatus.DONE);
        assertThat(replayed.lines()).singleElement().asString().contains("processed by");
    }

    @Test
    void nothingWaitingAsFarAsWasSeenButAQueueTooDeepToSearchIsUncertain() {
        var uncertain = JourneySummary.of(
                List.of(noted("m1", COMMAND, "CreateCustomerListener", Outcome.PROCESSED, null)),
                0,
                List.of("integration (5000 waiting)"));

        assertThat(uncertain.status()).isEqualTo(JourneyStatus.UNCERTAIN);
        assertThat(uncertain.lines())
                .last()
                .isEqualTo("Queue integration (5000 waiting) holds more messages than one search scans; a message"
                        + " of this flow may wait there unseen");
    }

    @Test
    void everyOutcomeHasItsSentence() {
        assertThat(JourneySummary.describe(noted("m1", null, "L", Outcome.DUPLICATE, null)))
                .isEqualTo(
                        "a message without type m1: a duplicate, ignored by marketing/L at " + Steps.T0.plusSeconds(1));
        assertThat(JourneySummary.describe(live("m1", Outcome.IN_DELIVERY, "marketing.commands")))
                .endsWith("being delivered from marketing.commands");
        assertThat(JourneySummary.describe(live("m1", Outcome.RETRYING, "marketing.commands")))
                .endsWith("failed, waiting in marketing.commands for its next delivery");
        assertThat(JourneySummary.describe(live("m1", Outcome.EXPIRED, "ExpiryQueue")))
                .endsWith("expired, in ExpiryQueue");
    }
}
