package org.switchboard.inventory.entity;

/** Where a return's restock stands. */
public enum RestockState {
    /** The returned lines are back in stock. */
    RESTOCKED,
    /** Taken back out (the refund failed), or reversed before it was made: the return restocks nothing any more. */
    REVERSED
}
