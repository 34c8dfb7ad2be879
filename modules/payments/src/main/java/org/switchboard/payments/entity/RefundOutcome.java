package org.switchboard.payments.entity;

/** What Payments decided for a return. */
public enum RefundOutcome {
    /** The authorised amount was given back. */
    REFUNDED,
    /** Nothing was given back; the reason says why. */
    REFUSED
}
