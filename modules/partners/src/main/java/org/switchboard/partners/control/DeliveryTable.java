package org.switchboard.partners.control;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.switchboard.partners.entity.DeliveryState;

/**
 * The outbox of webhook deliveries ({@code partners.delivery}) in plain JDBC: the relay's
 * statements must say {@code FOR UPDATE SKIP LOCKED}, and each runs in auto-commit outside any
 * transaction (on the JTA datasource outside a transaction), so no transaction stays open while a
 * partner is slow. Only {@link #insert} runs in the caller's transaction.
 */
public final class DeliveryTable {

    /** Where a delivery goes and what it is signed with. */
    public record Target(UUID endpointId, String url, String secret) {}

    /** What a partner is told: the event's id (the partner's idempotency key), its flow, type and the body to post. */
    public record Event(UUID id, UUID correlationId, String type, String body) {}

    /** A delivery a relay holds until its lease ends; {@code attempt} counts this one. */
    public record Due(long id, int attempt, Event event, Target target) {}

    /** A delivery as operators see it. */
    public record Row(
            long id, UUID endpointId, UUID eventId, String eventType, DeliveryState state, Progress progress) {}

    /** How far a delivery got. */
    public record Progress(int attempts, Instant nextAttemptAt, String lastError, Instant deliveredAt) {}

    private final DataSource dataSource;

    public DeliveryTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One delivery, in the caller's transaction; an event already there for the endpoint is not added again. */
    public void insert(UUID endpointId, Event event, Instant occurredAt) throws SQLException {
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement("insert into partners.delivery (endpoint_id, event_id,"
                        + " correlation_id, event_type, occurred_at, body, state, attempts, next_attempt_at, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, 'PENDING', 0, now(), now())"
                        + " on conflict (endpoint_id, event_id) do nothing")) {
            insert.setObject(1, endpointId);
            insert.setObject(2, event.id());
            insert.setObject(3, event.correlationId());
            insert.setString(4, event.type());
            insert.setTimestamp(5, Timestamp.from(occurredAt));
            insert.setString(6, event.body());
            insert.executeUpdate();
        }
    }

    /**
     * Takes up to {@code max} due deliveries of enabled endpoints that no relay holds, oldest
     * first, holds them for {@code lease} and counts the attempt: one statement, rows another node
     * is taking skipped rather than waited for. A lease that ran out (its relay died) makes the row
     * due again.
     */
    public List<Due> lease(int max, Duration lease) throws SQLException {
        try (var connection = dataSource.getConnection();
                var claim = connection.prepareStatement("update partners.delivery d"
                        + " set lease_until = now() + make_interval(secs => ?), attempts = d.attempts + 1"
                        + " from partners.endpoint e where e.id = d.endpoint_id and d.id in ("
                        + " select c.id from partners.delivery c join partners.endpoint ce on ce.id = c.endpoint_id"
                        + " where c.state = 'PENDING' and ce.state = 'ACTIVE' and c.next_attempt_at <= now()"
                        + " and (c.lease_until is null or c.lease_until < now())"
                        + " order by c.id limit ? for update of c skip locked)"
                        + " returning d.id, d.attempts, d.event_id, d.correlation_id, d.event_type, d.body, e.id endpoint,"
                        + " e.url, e.secret")) {
            claim.setDouble(1, lease.toMillis() / 1000.0);
            claim.setInt(2, max);
            var due = new ArrayList<Due>();
            try (var rows = claim.executeQuery()) {
                while (rows.next()) {
                    due.add(new Due(
                            rows.getLong("id"),
                            rows.getInt("attempts"),
                            new Event(
                                    rows.getObject("event_id", UUID.class),
                                    rows.getObject("correlation_id", UUID.class),
                                    rows.getString("event_type"),
                                    rows.getString("body")),
                            new Target(
                                    rows.getObject("endpoint", UUID.class),
                                    rows.getString("url"),
                                    rows.getString("secret"))));
                }
            }
            due.sort((a, b) -> Long.compare(a.id(), b.id()));
            return due;
        }
    }

    public void delivered(long id) throws SQLException {
        update(
                "update partners.delivery set state = 'DELIVERED', delivered_at = now(), lease_until = null,"
                        + " last_error = null where id = ?",
                id);
    }

    /** Due again after {@code wait}; the lease ends. */
    public void retry(long id, Duration wait, String error) throws SQLException {
        try (var connection = dataSource.getConnection();
                var retry = connection.prepareStatement("update partners.delivery set next_attempt_at = now()"
                        + " + make_interval(secs => ?), lease_until = null, last_error = ? where id = ?")) {
            retry.setDouble(1, wait.toMillis() / 1000.0);
            retry.setString(2, shorten(error));
            retry.setLong(3, id);
            retry.executeUpdate();
        }
    }

    public void failed(long id, String error) throws SQLException {
        try (var connection = dataSource.getConnection();
                var fail = connection.prepareStatement("update partners.delivery set state = 'FAILED',"
                        + " lease_until = null, last_error = ? where id = ?")) {
            fail.setString(1, shorten(error));
            fail.setLong(2, id);
            fail.executeUpdate();
        }
    }

    /** A FAILED delivery goes back to PENDING with a fresh budget of attempts; false if it was not FAILED. */
    public boolean replay(long id) throws SQLException {
        return update(
                        "update partners.delivery set state = 'PENDING', attempts = 0, next_attempt_at = now(),"
                                + " lease_until = null where id = ? and state = 'FAILED'",
                        id)
                == 1;
    }

    /** A delivery's state; empty if there is no such delivery. */
    public java.util.Optional<DeliveryState> state(long id) throws SQLException {
        try (var connection = dataSource.getConnection();
                var select = connection.prepareStatement("select state from partners.delivery where id = ?")) {
            select.setLong(1, id);
            try (var rows = select.executeQuery()) {
                return rows.next()
                        ? java.util.Optional.of(DeliveryState.valueOf(rows.getString(1)))
                        : java.util.Optional.empty();
            }
        }
    }

    /** The endpoint answered: its run of failures ends. */
    public void endpointAnswered(UUID endpointId) throws SQLException {
        try (var connection = dataSource.getConnection();
                var reset = connection.prepareStatement("update partners.endpoint set consecutive_failures = 0"
                        + " where id = ? and consecutive_failures <> 0")) {
            reset.setObject(1, endpointId);
            reset.executeUpdate();
        }
    }

    /**
     * The endpoint failed once more; at {@code disableAfter} failures in a row it is disabled, in
     * the same statement (several relays may count at once). True if this failure disabled it.
     */
    public boolean endpointFailed(UUID endpointId, int disableAfter, String reason) throws SQLException {
        try (var connection = dataSource.getConnection();
                var count = connection.prepareStatement("update partners.endpoint e set"
                        + " consecutive_failures = e.consecutive_failures + 1,"
                        + " state = case when e.consecutive_failures + 1 >= ? then 'DISABLED' else e.state end,"
                        + " disabled_reason = case when e.consecutive_failures + 1 >= ? and e.state = 'ACTIVE'"
                        + " then ? else e.disabled_reason end, updated_at = now()"
                        + " from partners.endpoint old_e where old_e.id = e.id and e.id = ?"
                        + " returning old_e.state was_state, e.state new_state")) {
            count.setInt(1, disableAfter);
            count.setInt(2, disableAfter);
            count.setString(3, shorten(disableAfter + " failed attempts in a row, the last: " + reason));
            count.setObject(4, endpointId);
            try (var rows = count.executeQuery()) {
                return rows.next()
                        && "ACTIVE".equals(rows.getString("was_state"))
                        && "DISABLED".equals(rows.getString("new_state"));
            }
        }
    }

    /** How many deliveries are in each state. */
    public Map<DeliveryState, Long> counts() throws SQLException {
        var counts = new EnumMap<DeliveryState, Long>(DeliveryState.class);
        for (var state : DeliveryState.values()) {
            counts.put(state, 0L);
        }
        try (var connection = dataSource.getConnection();
                var count =
                        connection.prepareStatement("select state, count(*) from partners.delivery group by state");
                var rows = count.executeQuery()) {
            while (rows.next()) {
                counts.put(DeliveryState.valueOf(rows.getString(1)), rows.getLong(2));
            }
        }
        return counts;
    }

    public long disabledEndpoints() throws SQLException {
        try (var connection = dataSource.getConnection();
                var count =
                        connection.prepareStatement("select count(*) from partners.endpoint where state = 'DISABLED'");
                var rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The newest deliveries, of one state or (null) all. */
    public List<Row> newest(DeliveryState state, int max) throws SQLException {
        try (var connection = dataSource.getConnection();
                var select = connection.prepareStatement("select id, endpoint_id, event_id, event_type, state,"
                        + " attempts, next_attempt_at, last_error, delivered_at from partners.delivery"
                        + " where (cast(? as varchar) is null or state = ?) order by id desc limit ?")) {
            var name = state == null ? null : state.name();
            select.setString(1, name);
            select.setString(2, name);
            select.setInt(3, max);
            var found = new ArrayList<Row>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(row(rows));
                }
            }
            return found;
        }
    }

    private static Row row(ResultSet rows) throws SQLException {
        return new Row(
                rows.getLong("id"),
                rows.getObject("endpoint_id", UUID.class),
                rows.getObject("event_id", UUID.class),
                rows.getString("event_type"),
                DeliveryState.valueOf(rows.getString("state")),
                new Progress(
                        rows.getInt("attempts"),
                        instant(rows.getTimestamp("next_attempt_at")),
                        rows.getString("last_error"),
                        instant(rows.getTimestamp("delivered_at"))));
    }

    private int update(String sql, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var update = connection.prepareStatement(sql)) {
            update.setLong(1, id);
            return update.executeUpdate();
        }
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
