package org.switchboard.ordering.boundary;

import java.time.Instant;
import java.util.UUID;

/**
 * One order saga as operations see it in a listing.
 *
 * @param state where it stands: the step it waits in ({@code RESERVING_STOCK}, ...) or its end
 * @param reason why it was cancelled, or null
 */
public record SagaSummary(UUID sagaId, UUID orderId, UUID correlationId, String state, Timing timing, String reason) {

    /**
     * @param attempt the attempt of the current step, from 1
     * @param deadline when the current step's attempt times out; null once the saga ended
     * @param overdue the deadline passed and the saga still waits: its timeout did not move it
     * @param lastChange when the saga last changed
     */
    public record Timing(int attempt, Instant deadline, boolean overdue, Instant lastChange) {}
}
