package org.switchboard.messaging;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure of the infrastructure that will pass by itself (the database or the broker is
 * unreachable, restarting or out of connections) from everything else. Only the exception's cause
 * chain is read — types and SQLStates, never message texts or class names.
 */
public final class Transience {

    /**
     * SQLState classes and codes of an unreachable or restarting PostgreSQL: 08 connection
     * exceptions, 53 insufficient resources (e.g. too many connections), 57P01–57P05 operator
     * intervention (admin or crash shutdown, cannot connect now, idle session timeout).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");

    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "57P05");

    private Transience() {}

    /** True if anything in the cause chain says the infrastructure is unavailable for now. */
    public static boolean isTransient(Throwable failure) {
        var seen = java.util.Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>());
        for (var cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof jakarta.jms.JMSException jms
                    && jms.getLinkedException() != null
                    && isTransient(jms.getLinkedException())) {
                return true;
            }
            if (cause instanceof jakarta.resource.ResourceException) {
                // The connector could not hand out a connection (pool exhausted, allocation failed).
                return true;
            }
        }
        return false;
    }

    static boolean transientState(String sqlState) {
        return sqlState != null
                && (TRANSIENT_STATES.contains(sqlState)
                        || (sqlState.length() >= 2 && TRANSIENT_CLASSES.contains(sqlState.substring(0, 2))));
    }
}
