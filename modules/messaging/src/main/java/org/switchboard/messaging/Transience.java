package org.switchboard.messaging;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.sql.DataSource;
import javax.transaction.xa.XAException;

/**
 * Tells a failure of the infrastructure that will pass (the database unreachable, shutting down,
 * out of connections, a partner's API unavailable: {@link DependencyUnavailableException}) from one
 * that will not. The edge answers the first with 503 and
 * {@code Retry-After}; a consumer should back off instead of burning a delivery attempt.
 *
 * <p>Decided on the standard types and on SQLState, walking the whole cause chain, never on a
 * driver's class name: pgjdbc's {@code PSQLException} says what happened only through its SQLState,
 * and Hibernate's {@code JDBCConnectionException} carries the driver's exception as its cause.
 */
public final class Transience {

    /** Switchboard's one datasource (jms-config/datasource.cli). */
    public static final String DATABASE = "java:jboss/datasources/SwitchboardDS";

    private Transience() {}

    /** True if anything in the cause chain (or a suppressed exception) says the database is unavailable. */
    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return isTransient(failure, seen);
    }

    /**
     * As {@link #isTransient(Throwable)}, and also a database failure that does not say why while
     * the database is unreachable. A connection that breaks in the middle of a transaction marks
     * the transaction for rollback, and the next statement reports only that
     * ({@code IJ031070: Transaction cannot proceed: STATUS_MARKED_ROLLBACK}), not the lost
     * connection; the transaction rolled back, so the honest answer is "unavailable, retry". Asks
     * the database (one pooled connection, validated within 2 s) only for a failure that came from
     * it, and only when the caller has no transaction of its own any more: a connection taken
     * inside a doomed transaction would fail for that reason alone.
     */
    public static boolean isTransient(Throwable failure, DataSource database) {
        if (isTransient(failure)) {
            return true;
        }
        if (database == null || !fromDatabase(failure)) {
            return false;
        }
        try (var connection = database.getConnection()) {
            return !connection.isValid(2);
        } catch (SQLException | RuntimeException unreachable) {
            return isTransient(unreachable);
        }
    }

    private static boolean fromDatabase(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (var cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException
                    || cause instanceof jakarta.persistence.PersistenceException
                    // Local transactions have one resource, the database: a swallowed failure of it.
                    || cause instanceof RolledBackException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(Throwable failure, Set<Throwable> seen) {
        for (var cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (unavailable(cause)) {
                return true;
            }
            for (var suppressed : cause.getSuppressed()) {
                if (isTransient(suppressed, seen)) {
                    return true;
                }
            }
            if (cause instanceof SQLException sql) {
                for (var next = sql.getNextException();
                        next != null && seen.add(next);
                        next = next.getNextException()) {
                    if (unavailable(next)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean unavailable(Throwable cause) {
        if (cause instanceof DependencyUnavailableException) {
            return true;
        }
        if (cause instanceof SQLTransientConnectionException
                || cause instanceof SQLRecoverableException
                || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            return unavailable(sql.getSQLState());
        }
        // The connection pool (IronJacamar) cannot hand out a connection: none left, or none can be made.
        if (cause instanceof ResourceException) {
            return true;
        }
        // A resource manager that is gone for now: a lost connection in the XA vocabulary.
        return cause instanceof XAException xa && xa.errorCode == XAException.XAER_RMFAIL;
    }

    /**
     * True if the failure came from a commit whose outcome nobody on this side can know: the
     * connection broke or the database refused inside the COMMIT of a one-phase (local) commit,
     * which IronJacamar reports as {@code XAER_RMFAIL} and Narayana as
     * {@code HeuristicMixedException}. The work may or may not be stored: a client must retry with
     * its Idempotency-Key to find out; a consumer's redelivery finds out through its claim.
     */
    public static boolean isOutcomeUnknown(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return outcomeUnknown(failure, seen);
    }

    private static boolean outcomeUnknown(Throwable failure, Set<Throwable> seen) {
        for (var cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof jakarta.transaction.HeuristicMixedException
                    || cause instanceof XAException xa
                            && (xa.errorCode == XAException.XA_HEURMIX || xa.errorCode == XAException.XA_HEURHAZ)) {
                return true;
            }
            for (var suppressed : cause.getSuppressed()) {
                if (outcomeUnknown(suppressed, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The innermost cause, what a one-line log entry should name; safe against cause cycles, which
     * the JDK does not forbid.
     */
    public static Throwable rootCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        var root = failure;
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * SQLState class 08 (connection exception), 53 (insufficient resources, e.g. too many
     * connections) and 57P01–57P03 (PostgreSQL's admin shutdown, crash shutdown, cannot connect now).
     */
    static boolean unavailable(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57P0"));
    }
}
