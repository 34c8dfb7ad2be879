package org.switchboard.messaging;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * Tells a failure of the infrastructure that will pass (the database unreachable, shutting down,
 * out of connections) from one that will not. The edge answers the first with 503 and
 * {@code Retry-After}; a consumer should back off instead of burning a delivery attempt.
 *
 * <p>Decided on the standard types and on SQLState, walking the whole cause chain, never on a
 * driver's class name: pgjdbc's {@code PSQLException} says what happened only through its SQLState,
 * and Hibernate's {@code JDBCConnectionException} carries the driver's exception as its cause.
 */
public final class Transience {

    private Transience() {}

    /** True if anything in the cause chain (or a suppressed exception) says the database is unavailable. */
    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return isTransient(failure, seen);
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
