package org.switchboard.messaging.claims;

import java.util.UUID;

/**
 * What a message carries instead of a large payload: where the payload is in the claim store, and
 * its SHA-256 and size, by which whoever fetches it verifies that it is the payload that was sent.
 */
public record ClaimReference(UUID claimId, String sha256, long size, String mediaType) {}
