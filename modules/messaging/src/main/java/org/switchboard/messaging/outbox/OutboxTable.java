package org.switchboard.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.switchboard.messaging.JsonMessages;

/**
 * The {@code outbox} table in one context's schema (created by the shared migration
 * {@code db/shared/outbox} of {@code org.switchboard.migrations.SchemaMigrations}), in plain JDBC
 * so that it needs no entity in the context's persistence unit.
 */
final class OutboxTable {

    /** A row taken from the outbox to be sent. */
    record Pending(
            long id,
            UUID correlationId,
            String destination,
            Delivery.Scheduled scheduled,
            JsonMessages.Envelope envelope) {}

    private final DataSource dataSource;
    private final String table;

    OutboxTable(DataSource dataSource, String schema) {
        if (!schema.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a schema name: " + schema);
        }
        this.dataSource = dataSource;
        this.table = schema + ".outbox";
    }

    /**
     * Writes a row on the caller's (transactional) connection; a message whose id is already waiting
     * is not written again (two paths that answer the same command with the same reply id, say).
     */
    void insert(
            UUID messageId,
            String messageType,
            String destination,
            JsonMessages.Envelope envelope,
            UUID correlationId,
            Delivery delivery)
            throws SQLException {
        var now = Instant.now();
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement("insert into " + table
                        + " (message_id, message_type, destination, headers, body, correlation_id, priority,"
                        + " deliver_at, expires_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        // The same message id is the same message: written twice, it is sent as written first.
                        + " on conflict (message_id) do nothing")) {
            insert.setObject(1, messageId);
            insert.setString(2, messageType);
            insert.setString(3, destination);
            insert.setString(4, OutboxHeaders.toJson(envelope.headers()));
            insert.setString(5, envelope.body());
            insert.setObject(6, correlationId);
            insert.setInt(7, delivery.priority());
            insert.setTimestamp(8, timestamp(delivery.deliverAt(now)));
            insert.setTimestamp(9, timestamp(delivery.expiresAt(now)));
            insert.setTimestamp(10, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    /**
     * Takes up to {@code max} rows that no relay holds, oldest first, and holds them for
     * {@code lease}: one statement in auto-commit, so no transaction stays open while they are sent.
     * Rows another node is taking right now are skipped, not waited for. The rows of the run before,
     * {@code sentBefore}, leave the outbox in the same statement: under load a run costs one commit,
     * not two.
     */
    List<Pending> claim(int max, Duration lease, List<Long> sentBefore) throws SQLException {
        var take = "update " + table
                + " set lease_until = now() + make_interval(secs => ?) where id in (select id from " + table
                + " where (lease_until is null or lease_until < now()) and id <> all(?) order by id limit ?"
                + " for update skip locked)"
                + " returning id, correlation_id, destination, priority, deliver_at, expires_at, headers, body";
        try (var connection = autoCommit();
                var claim = connection.prepareStatement(
                        sentBefore.isEmpty()
                                ? take
                                // One snapshot for both: the deleted rows are excluded from the take by id.
                                : "with sent as (delete from " + table + " where id = any(?)) " + take)) {
            var ids = connection.createArrayOf("bigint", sentBefore.toArray());
            int next = 1;
            if (!sentBefore.isEmpty()) {
                claim.setArray(next++, ids);
            }
            claim.setDouble(next++, lease.toMillis() / 1000.0);
            claim.setArray(next++, ids);
            claim.setInt(next, max);
            var pending = new ArrayList<Pending>();
            try (var rows = claim.executeQuery()) {
                while (rows.next()) {
                    pending.add(new Pending(
                            rows.getLong("id"),
                            rows.getObject("correlation_id", UUID.class),
                            rows.getString("destination"),
                            new Delivery.Scheduled(
                                    rows.getInt("priority"),
                                    instant(rows.getTimestamp("deliver_at")),
                                    instant(rows.getTimestamp("expires_at"))),
                            new JsonMessages.Envelope(
                                    rows.getString("body"), OutboxHeaders.fromJson(rows.getString("headers")))));
                }
            }
            pending.sort(Comparator.comparingLong(Pending::id));
            return pending;
        }
    }

    /** After a relay run: the sent rows leave the outbox, the others are free again. */
    void settle(List<Long> sent, List<Long> unsent) throws SQLException {
        try (var connection = autoCommit()) {
            if (!sent.isEmpty()) {
                try (var delete = connection.prepareStatement("delete from " + table + " where id = any(?)")) {
                    delete.setArray(1, connection.createArrayOf("bigint", sent.toArray()));
                    delete.executeUpdate();
                }
            }
            if (!unsent.isEmpty()) {
                try (var free =
                        connection.prepareStatement("update " + table + " set lease_until = null where id = any(?)")) {
                    free.setArray(1, connection.createArrayOf("bigint", unsent.toArray()));
                    free.executeUpdate();
                }
            }
        }
    }

    private Connection autoCommit() throws SQLException {
        // Outside any JTA transaction a connection of the JTA datasource is in auto-commit.
        return dataSource.getConnection();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
