/**
 * The claim check: large payloads stored once in the claim store, messages carrying only a verified
 * reference to them (docs/adr/0013-claim-check.md).
 */
package org.switchboard.messaging.claims;
