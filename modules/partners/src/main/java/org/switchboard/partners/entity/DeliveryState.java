package org.switchboard.partners.entity;

/** Where a webhook delivery stands. */
public enum DeliveryState {
    /** Waiting for its next attempt (or for its endpoint to be enabled). */
    PENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Every attempt failed; it waits for an operator's replay. */
    FAILED
}
