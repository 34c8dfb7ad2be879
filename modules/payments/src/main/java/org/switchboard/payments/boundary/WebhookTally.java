package org.switchboard.payments.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The provider's notifications on this node since it started: counts by outcome and the latest refusals. */
public record WebhookTally(Map<String, Long> counts, List<Refused> recentRefusals) {

    /** One refused notification: when, the reason's code, the event id it claimed (unverified), why in words. */
    public record Refused(Instant at, String reason, String eventId, String detail) {}
}
