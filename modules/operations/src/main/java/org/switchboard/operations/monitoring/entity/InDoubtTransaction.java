package org.switchboard.operations.monitoring.entity;

import java.time.Instant;
import java.util.List;

/**
 * A transaction an operator should look at, from Narayana's log or from PostgreSQL, with the
 * documented way to resolve it (ADR 0009).
 *
 * @param id the log's transaction id, or PostgreSQL's gid
 * @param status HEURISTIC, or the longest-waiting state (PREPARED, PENDING, ...)
 * @param participants the branches ("resource: status"), or owner and database for PostgreSQL
 */
public record InDoubtTransaction(
        Origin origin, String id, Instant since, String status, List<String> participants, String resolution) {

    /** Where it was found. */
    public enum Origin {
        /** Narayana's transaction log. */
        TRANSACTION_LOG,
        /** PostgreSQL's prepared transactions. */
        POSTGRESQL
    }

    public boolean heuristic() {
        return "HEURISTIC".equals(status);
    }
}
