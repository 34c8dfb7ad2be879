package org.switchboard.payments.entity;

import java.time.Instant;

/** One refused provider notification: when, why, and the event id it claimed (unverified). */
public record RecentRefusal(Instant at, Refusal refusal, String eventId, String detail) {}
