package org.switchboard.operations.monitoring.boundary;

import org.switchboard.messaging.management.BrokerState;

/**
 * One managed broker as operators see it: in cluster mode the primary serves (ACTIVE), the other
 * waits (BACKUP), and a stopped one is DOWN; none of these is an error of the dashboard.
 *
 * @param endpoint where its management is reached (a JMX service URL, or {@code in-process})
 */
public record BrokerStatus(String name, BrokerState state, String endpoint) {}
