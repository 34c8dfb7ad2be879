package org.switchboard.provider;

/** Where a payment stands at the provider. */
enum PaymentStatus {
    /** Accepted, not decided yet: settled later (and, later still, announced by a webhook). */
    PENDING,
    /** The amount is held on the customer's card: charged once. */
    AUTHORISED,
    /** Not authorised; nothing was charged. */
    DECLINED,
    /** The authorised amount was taken. */
    CAPTURED,
    /** Released before capture, or cancelled before it was ever authorised (a tombstone). */
    VOIDED,
    /** Given back after capture. */
    REFUNDED,
    /** Taken back by the card holder's bank after it was paid (admin: POST /admin/chargebacks). */
    CHARGED_BACK
}
