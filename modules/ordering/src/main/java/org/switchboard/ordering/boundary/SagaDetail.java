package org.switchboard.ordering.boundary;

import java.time.Instant;
import java.util.List;

/**
 * One order saga with its history: what happened, in order, and the state each thing left it in.
 * Each message of the saga is on its order's journey (its correlation id).
 *
 * @param pendingCommand the command a resend would send again, or null once the saga ended
 */
public record SagaDetail(SagaSummary saga, String pendingCommand, List<Line> history) {

    /** One line of the saga's history. */
    public record Line(Instant at, String state, String note) {}
}
