package org.switchboard.inventory.entity;

/** Where a saga's reservation stands. */
public enum ReservationState {
    /** The lines are taken from stock. */
    RESERVED,
    /** Nothing was taken: a SKU was unknown or short. */
    REFUSED,
    /** Put back, or released before it was made: the saga reserves nothing any more. */
    RELEASED
}
