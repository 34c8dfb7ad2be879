package org.switchboard.ordering.entity;

/** What the customer sees of an order. */
public enum OrderState {
    PENDING,
    CONFIRMED,
    CANCELLED,
    /** A return was accepted and announced; Inventory and Payments act on it. */
    RETURN_REQUESTED,
    /** The goods are back in stock and the amount is refunded. */
    RETURNED,
    /** The refund failed; Inventory took the restocked goods back out, the order stays paid. */
    RETURN_REJECTED
}
