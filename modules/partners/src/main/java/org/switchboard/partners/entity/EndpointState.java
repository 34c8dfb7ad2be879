package org.switchboard.partners.entity;

/** Whether the relay posts to an endpoint. A disabled endpoint keeps its deliveries PENDING. */
public enum EndpointState {
    ACTIVE,
    /** Failed too many times in a row; only an operator enables it again. */
    DISABLED
}
