package org.switchboard.ordering.boundary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a customer or operator sees of an order: its state, its saga's state and history. */
public record OrderStatus(UUID orderId, String state, Saga saga, long total, String currency, boolean express) {

    /** The order's saga: where it stands, until when the current step waits, and what happened. */
    public record Saga(UUID sagaId, String state, int attempt, Instant deadline, String reason, List<Step> steps) {}

    /** One line of the saga's history. */
    public record Step(Instant at, String state, String note) {}
}
