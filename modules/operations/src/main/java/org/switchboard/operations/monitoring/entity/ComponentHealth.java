package org.switchboard.operations.monitoring.entity;

/**
 * One part of Switchboard as health reports it.
 *
 * @param detail what was found, for people ("SELECT 1 in 3 ms", "2 heuristic transactions")
 */
public record ComponentHealth(HealthStatus status, String detail) {}
