package org.switchboard.webstore.boundary;

/**
 * The outcome of a registration: the customer, and whether it was made by an earlier request with
 * the same idempotency key (then nothing happened this time).
 */
public record Registration(RegisteredCustomer customer, boolean replayed) {}
