package org.switchboard.payments.entity;

/** Why a provider notification was refused before anything was stored. */
public enum Refusal {
    /** No signature, or one that no valid secret made (a wrong or rotated-out secret, a changed body). */
    BAD_SIGNATURE,
    /** Signed too long ago or too far ahead: outside the window against replays. */
    STALE,
    /** Not a notification we can read: no timestamp, not JSON, a field missing or of the wrong form. */
    MALFORMED,
    /** No webhook secret is configured here, so nothing can be verified. */
    NOT_CONFIGURED
}
