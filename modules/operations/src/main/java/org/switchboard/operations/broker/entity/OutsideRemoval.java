package org.switchboard.operations.broker.entity;

import java.time.Instant;

/**
 * Messages left a dead-letter queue outside Switchboard's four-eyes requests (management console,
 * CLI, JMX, a JMS consumer), as the broker's counters show against the audit trail; announced as a
 * CDI event once it is audited, so that the alerts can tell.
 *
 * @param queue the dead-letter queue, by the broker's name
 * @param messages how many left it unaccounted since the last such finding
 */
public record OutsideRemoval(String queue, long messages, Instant at) {}
