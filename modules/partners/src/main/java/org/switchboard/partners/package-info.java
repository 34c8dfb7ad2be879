/**
 * Partners: tells partner systems outside Switchboard, over HTTP webhooks, what happened to
 * orders ({@code order.confirmed}, {@code order.cancelled}, from Ordering's events). It owns the
 * partners' endpoints (URL, secret, the event types they want, whether they are enabled) and the
 * outbox of deliveries ({@code partners.delivery}). Consuming an event writes one delivery per
 * subscribed endpoint in one local transaction, then acknowledges (ADR 0009); a relay posts due
 * deliveries, signed with the endpoint's secret, at least once, with exponential backoff and
 * jitter, until it gets a 2xx or gives up (FAILED, replayed by an operator). An endpoint that keeps
 * failing is disabled until an operator enables it. See docs/adr/0015-partner-webhooks-outbox.md.
 */
package org.switchboard.partners;
