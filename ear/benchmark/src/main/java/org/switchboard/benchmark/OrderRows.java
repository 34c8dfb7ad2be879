package org.switchboard.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What became of a step's orders, read from Ordering's own rows: {@code ordering.purchase_order}
 * stays PENDING until its saga ends, then turns CONFIRMED or CANCELLED (compensated, or refused
 * with nothing to undo) and records when in {@code updated_at}. Each order is found by the
 * Idempotency-Key it was placed with, which names its step and its number in the schedule.
 */
final class OrderRows {

    /**
     * A step's orders by the deadline: from each one's due time to its confirmation (time to effect)
     * or cancellation, in microseconds; and how many had not ended by then (still PENDING).
     */
    record Ends(Histogram confirmed, Histogram cancelled, long unfinished) {}

    private final Connection db;

    OrderRows(Connection db) {
        this.db = db;
    }

    /** Order {@code i}'s Idempotency-Key, e.g. {@code switchboard-order-r10-31-7}. */
    static String key(OpenLoad.Schedule schedule, int i) {
        return schedule.prefix() + "-" + i;
    }

    /** Waits until every accepted order has ended, or until the deadline. */
    void awaitEnds(OpenLoad.Outcome outcome, Instant deadline) throws SQLException, InterruptedException {
        while (ended(outcome) < outcome.counts().ok() && Instant.now().isBefore(deadline)) {
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    Ends ends(OpenLoad.Outcome outcome, Instant deadline) throws SQLException {
        var confirmed = histogram();
        var cancelled = histogram();
        var unfinished = 0L;
        var prefix = outcome.schedule().prefix() + "-";
        try (var s = db.prepareStatement(
                "select idempotency_key, state, updated_at from ordering.purchase_order where idempotency_key like ?")) {
            s.setString(1, prefix + "%");
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    var i = Long.parseLong(rs.getString(1).substring(prefix.length()));
                    var at = rs.getTimestamp(3).toInstant();
                    var end = switch (rs.getString(2)) {
                        case "CONFIRMED" -> confirmed;
                        case "CANCELLED" -> cancelled;
                        default -> null;
                    };
                    if (end == null || at.isAfter(deadline)) {
                        unfinished++;
                    } else {
                        var micros = Duration.between(outcome.due(i), at).toNanos() / 1000;
                        end.recordValue(Math.max(0, Math.min(end.getHighestTrackableValue(), micros)));
                    }
                }
            }
        }
        return new Ends(confirmed, cancelled, unfinished);
    }

    private long ended(OpenLoad.Outcome outcome) throws SQLException {
        try (var s = db.prepareStatement("select count(*) from ordering.purchase_order"
                + " where idempotency_key like ? and state in ('CONFIRMED', 'CANCELLED')")) {
            s.setString(1, outcome.schedule().prefix() + "-%");
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
    }
}
