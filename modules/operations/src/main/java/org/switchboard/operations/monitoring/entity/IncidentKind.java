package org.switchboard.operations.monitoring.entity;

/** What an incident is about. */
public enum IncidentKind {
    /** A dead-letter queue holds messages. */
    DEAD_LETTERS,
    /** The database does not answer. */
    DATABASE_DOWN,
    /** Heuristic transactions, or transactions prepared for longer than recovery should need. */
    IN_DOUBT_TRANSACTIONS
}
