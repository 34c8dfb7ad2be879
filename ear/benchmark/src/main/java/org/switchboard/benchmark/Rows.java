package org.switchboard.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What the flows did, read from their own rows: registrations that arrived as contacts, the time
 * from each registration's due time to its contact (time to effect), and the backlog (registered,
 * not yet a contact).
 */
final class Rows {

    private final Connection db;

    Rows(Connection db) {
        this.db = db;
    }

    long customers(Flow flow, Instant since) throws SQLException {
        return count("select count(*) from " + flow.customers + " where registered_at >= ?", since);
    }

    long contacts(Flow flow, Instant since) throws SQLException {
        return count("select count(*) from " + flow.contacts + " where created_at >= ?", since);
    }

    /** Messages in the Web Store's outbox, committed and not yet published (the relay's backlog). */
    long outbox() throws SQLException {
        try (var s = db.createStatement();
                var rs = s.executeQuery("select count(*) from webstore.outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Switchboard's journey notes (Operations' work per registration: one per consumer hop). */
    long journeyNotes(Instant since) throws SQLException {
        return count("select count(*) from operations.journey_step where recorded_at >= ?", since);
    }

    /**
     * Waits until every accepted registration of the step is a contact (and, for Switchboard, its
     * journey notes are recorded), or nothing moves for 20 s. Returns the contacts counted.
     */
    long awaitEffects(OpenLoad.Outcome outcome) throws SQLException, InterruptedException {
        var flow = outcome.schedule().flow();
        var since = outcome.startedAt().minusSeconds(1);
        var expected = outcome.counts().ok();
        var last = -1L;
        var lastMove = System.nanoTime();
        while (true) {
            var contacts = contacts(flow, since, outcome.schedule().prefix());
            var journeysDone = flow != Flow.SWITCHBOARD || journeyNotes(since) >= 2L * contacts;
            if (contacts >= expected && journeysDone) {
                return contacts;
            }
            if (contacts != last) {
                last = contacts;
                lastMove = System.nanoTime();
            } else if (System.nanoTime() - lastMove > TimeUnit.SECONDS.toNanos(20)) {
                return contacts;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    /** Contacts of this step created by {@code until}: how many effects kept pace with the schedule. */
    long contactsBy(OpenLoad.Outcome outcome, Instant until) throws SQLException {
        var flow = outcome.schedule().flow();
        try (var s = db.prepareStatement("select count(*) from " + flow.contacts
                + " where created_at >= ? and created_at <= ? and email like ?")) {
            s.setTimestamp(1, Timestamp.from(outcome.startedAt().minusSeconds(1)));
            s.setTimestamp(2, Timestamp.from(until));
            s.setString(3, outcome.schedule().prefix() + "-%");
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** From each registration's due time to its contact's created_at, in microseconds. */
    Histogram timeToEffect(OpenLoad.Outcome outcome) throws SQLException {
        var histogram = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
        var flow = outcome.schedule().flow();
        var prefix = outcome.schedule().prefix() + "-";
        try (var s = db.prepareStatement(
                "select email, created_at from " + flow.contacts + " where created_at >= ? and email like ?")) {
            s.setTimestamp(1, Timestamp.from(outcome.startedAt().minusSeconds(1)));
            s.setString(2, prefix + "%");
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    var email = rs.getString(1);
                    var i = Long.parseLong(email.substring(prefix.length(), email.indexOf('@')));
                    var micros =
                            Duration.between(outcome.due(i), rs.getTimestamp(2).toInstant())
                                            .toNanos()
                                    / 1000;
                    histogram.recordValue(Math.max(0, Math.min(histogram.getHighestTrackableValue(), micros)));
                }
            }
        }
        return histogram;
    }

    private long contacts(Flow flow, Instant since, String prefix) throws SQLException {
        try (var s = db.prepareStatement(
                "select count(*) from " + flow.contacts + " where created_at >= ? and email like ?")) {
            s.setTimestamp(1, Timestamp.from(since));
            s.setString(2, prefix + "-%");
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long count(String sql, Instant since) throws SQLException {
        try (var s = db.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(since));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
