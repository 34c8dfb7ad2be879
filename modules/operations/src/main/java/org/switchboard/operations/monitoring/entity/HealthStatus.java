package org.switchboard.operations.monitoring.entity;

/** How Switchboard, or one part of it, is doing, worst last. */
public enum HealthStatus {
    /** Working. */
    UP,
    /** Working, but something needs a person: dead letters, in-doubt or heuristic transactions. */
    DEGRADED,
    /** Not working: the database does not answer. */
    DOWN;

    /** The worse of the two. */
    public HealthStatus and(HealthStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
