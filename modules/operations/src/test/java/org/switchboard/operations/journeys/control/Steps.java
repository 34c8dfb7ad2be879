package org.switchboard.operations.journeys.control;

import java.time.Instant;
import org.switchboard.operations.journeys.entity.Handling;
import org.switchboard.operations.journeys.entity.JourneyMessage;
import org.switchboard.operations.journeys.entity.JourneyStep;
import org.switchboard.operations.journeys.entity.Outcome;
import org.switchboard.operations.journeys.entity.Sending;

/** Journey steps for tests: a note's, and a message's in a queue now. */
final class Steps {

    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private Steps() {}

    static JourneyStep noted(String messageId, String type, String consumer, Outcome outcome, String reason) {
        return new JourneyStep(
                new JourneyMessage(messageId, type, 1, null),
                new Sending("marketing.commands", null, T0),
                new Handling("marketing", consumer, T0.plusSeconds(1), 1),
                outcome,
                reason,
                null);
    }

    static JourneyStep live(String messageId, Outcome outcome, String where) {
        return new JourneyStep(
                new JourneyMessage(messageId, "marketing.CreateCustomer", 1, null),
                new Sending("marketing.commands", null, T0),
                Handling.none(null),
                outcome,
                outcome == Outcome.IN_DEAD_LETTER_QUEUE ? "SCHEMA_VIOLATION" : null,
                where);
    }
}
