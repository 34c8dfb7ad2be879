package org.switchboard.payments.control;

/** Where a payment stands at the provider, in its words. */
public enum ProviderStatus {
    /** Accepted, not decided yet: the provider settles it later. */
    PENDING,
    AUTHORISED,
    DECLINED,
    CAPTURED,
    /** Released before capture, or cancelled before it was authorised. */
    VOIDED,
    REFUNDED,
    /** Taken back by the card holder's bank after it was paid (announced by webhook). */
    CHARGED_BACK
}
