package org.switchboard.payments.entity;

/** Where a saga's authorisation stands. */
public enum AuthorisationState {
    /** Held against the limit; the payment provider has not said yes or no yet. */
    PENDING,
    /** The amount is held against the customer's limit. */
    AUTHORISED,
    /** Nothing is held: over the limit, or the provider declined. */
    DECLINED,
    /** Released again, or voided before it was made. */
    VOIDED,
    /** Given back because the order was returned. */
    REFUNDED,
    /** Taken back by the card holder's bank after it was authorised (the provider told us by webhook). */
    CHARGED_BACK
}
