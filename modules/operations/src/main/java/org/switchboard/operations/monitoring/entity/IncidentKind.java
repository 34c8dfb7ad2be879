package org.switchboard.operations.monitoring.entity;

/** What an incident is about. */
public enum IncidentKind {
    /** A dead-letter queue holds messages. */
    DEAD_LETTERS,
    /** The database does not answer. */
    DATABASE_DOWN,
    /** Heuristic transactions, or transactions prepared for longer than recovery should need. */
    IN_DOUBT_TRANSACTIONS,
    /** A queue is paused: its messages wait, whatever its consumers could do. */
    PAUSED_QUEUES,
    /**
     * Dead letters left a dead-letter queue outside Switchboard's four-eyes requests (management
     * console, CLI, JMX, a JMS consumer): a one-off notice, nothing to resolve.
     */
    DEAD_LETTERS_CHANGED_OUTSIDE
}
