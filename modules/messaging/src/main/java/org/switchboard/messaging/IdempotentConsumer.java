package org.switchboard.messaging;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Remembers which messages a context has processed, in a {@code processed_message} table in the
 * context's own schema, written in the same transaction as the context's state change. A
 * redelivered or duplicated message finds its id already claimed and is acknowledged without effect;
 * if the transaction rolls back, the claim rolls back with it.
 *
 * <p>Concurrent deliveries of one id serialize on the primary key: the second insert waits for the
 * first transaction and then finds the row.
 *
 * <p>The claim is one plain JDBC statement on the datasource inside the caller's JTA transaction,
 * where the connection pool hands out the very connection the transaction's JPA work uses (one
 * non-XA datasource per transaction, ADR 0009), so claim and state change commit together. Plain
 * JDBC because a native query through JPA parsed and planned the statement on every delivery: the
 * claims were about 6 % of the server's samples in the benchmark (docs/benchmarks/registration-open-model.md).
 */
public final class IdempotentConsumer {

    private static volatile DataSource database;
    private static volatile TransactionSynchronizationRegistry transactions;

    private final String insert;

    /** @param schema the context's schema, which holds its {@code processed_message} table */
    public IdempotentConsumer(String schema) {
        if (!schema.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a schema name: " + schema);
        }
        this.insert = "insert into " + schema + ".processed_message"
                + " (message_id, message_type, correlation_id, processed_at)"
                + " values (?, ?, ?, now()) on conflict (message_id) do nothing";
    }

    /**
     * Claims the message for processing, in the caller's transaction; false when it was already
     * processed (a duplicate), which the delivery's journey note then records.
     *
     * @throws IllegalStateException outside an active JTA transaction (the claim would commit on
     *     its own), or when the statement fails (its {@link SQLException} is the cause, so
     *     {@link Transience} tells an outage)
     */
    public boolean claim(IncomingMessage message) {
        requireTransaction();
        int inserted;
        try (var connection = database().getConnection();
                var statement = connection.prepareStatement(insert)) {
            bindMessage(statement, message);
            inserted = statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim message " + message.messageId(), e);
        }
        if (inserted == 0) {
            JourneyMark.duplicate();
        }
        return inserted == 1;
    }

    /** What {@link #claimAnd} did: claimed the message, and wrote the context's row. */
    public record Claim(boolean claimed, boolean written) {}

    /** Binds the parameters of a context's statement, numbered from {@code first}. */
    @FunctionalInterface
    public interface Parameters {
        void bind(PreparedStatement statement, int first) throws SQLException;
    }

    /**
     * Claims the message and writes the context's own row in <em>one</em> statement, one round trip
     * to the database instead of two, in the caller's transaction. {@code insertIfClaimed} is an
     * {@code insert … select …} whose select ends {@code where exists (select 1 from claimed)},
     * with casts on its parameters (no column gives them a type there) and no {@code returning}:
     * it writes only when this delivery claimed the message. A duplicate writes nothing, and its
     * journey note says so.
     *
     * @throws IllegalStateException as {@link #claim}
     */
    public Claim claimAnd(IncomingMessage message, String insertIfClaimed, Parameters parameters) {
        requireTransaction();
        var sql = "with claimed as (" + insert + " returning 1), written as (" + insertIfClaimed
                + " returning 1) select (select count(*) from claimed), (select count(*) from written)";
        Claim claim;
        try (var connection = database().getConnection();
                var statement = connection.prepareStatement(sql)) {
            bindMessage(statement, message);
            parameters.bind(statement, 4);
            try (var counts = statement.executeQuery()) {
                counts.next();
                claim = new Claim(counts.getInt(1) == 1, counts.getInt(2) == 1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim message " + message.messageId(), e);
        }
        if (!claim.claimed()) {
            JourneyMark.duplicate();
        }
        return claim;
    }

    private static void bindMessage(PreparedStatement statement, IncomingMessage message) throws SQLException {
        statement.setObject(1, message.messageId());
        statement.setString(2, message.type());
        statement.setObject(3, message.correlationId());
    }

    private static void requireTransaction() {
        if (transactions().getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("A claim needs the delivery's active transaction");
        }
    }

    private static DataSource database() {
        var found = database;
        if (found == null) {
            found = lookup(Transience.DATABASE);
            database = found;
        }
        return found;
    }

    private static TransactionSynchronizationRegistry transactions() {
        var found = transactions;
        if (found == null) {
            found = lookup("java:comp/TransactionSynchronizationRegistry");
            transactions = found;
        }
        return found;
    }

    private static <T> T lookup(String name) {
        try {
            return InitialContext.doLookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("Nothing bound at " + name, e);
        }
    }
}
