package org.switchboard.payments.entity;

/** What became of a provider notification that passed verification. */
public enum WebhookOutcome {
    /** Stored and queued for processing, for the first time. */
    ACCEPTED,
    /** Received before (same event id): nothing stored or queued again. */
    DUPLICATE,
    /** Verified, but of an event type Payments does not act on: answered 2xx so that it is not resent. */
    IGNORED
}
