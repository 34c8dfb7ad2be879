/**
 * A payment provider as an outside party sees it: authorises, captures and refunds over HTTP
 * (JSON), honours an {@code Idempotency-Key} on every call, answers some payments asynchronously
 * (202, settled later, and announced by a signed webhook when the merchant gave a URL), and can be
 * told at run time to be slow, to fail a share of calls or to be down. It runs as its own process on two ports: the API (default 8091) and the admin API (default
 * 8092: behaviour, counters), which stays up while the API is down. Its state lives in memory: a
 * restart forgets every payment and every key. docs/payment-provider.openapi.yaml describes it.
 */
package org.switchboard.provider;
