package org.switchboard.payments.entity;

/** Where a saga's authorisation stands. */
public enum AuthorisationState {
    /** The amount is held against the customer's limit. */
    AUTHORISED,
    /** Nothing is held: over the limit. */
    DECLINED,
    /** Released again, or voided before it was made. */
    VOIDED,
    /** Given back because the order was returned. */
    REFUNDED
}
