package org.switchboard.payments.boundary;

/**
 * The answer to the provider for a notification that passed verification: ACCEPTED (stored and
 * queued now), DUPLICATE (received before, nothing done again) or IGNORED (a type Payments does not
 * act on).
 */
public record WebhookReceipt(String eventId, String outcome) {}
