package org.switchboard.ordering.entity;

/** What the customer sees of an order. */
public enum OrderState {
    PENDING,
    CONFIRMED,
    CANCELLED
}
