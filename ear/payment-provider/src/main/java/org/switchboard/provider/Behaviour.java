package org.switchboard.provider;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;

/**
 * How the provider behaves now, set through the admin API: answer late ({@code delayMs}, after the
 * work is done, so a caller that gave up has still been charged), fail a share of calls with 503
 * before doing anything ({@code failureRatio}), be down (the API port refuses connections), answer
 * a share of authorisations 202 and settle them later ({@code pendingRatio}) after {@code
 * settleAfterMs} (0: the process's {@code --settle-after}), and decline amounts above a limit
 * ({@code declineAbove}, minor units).
 */
record Behaviour(
        long delayMs, double failureRatio, boolean down, double pendingRatio, long declineAbove, long settleAfterMs) {

    static final Behaviour NORMAL = new Behaviour(0, 0, false, 0, Long.MAX_VALUE, 0);

    Behaviour {
        if (delayMs < 0
                || settleAfterMs < 0
                || failureRatio < 0
                || failureRatio > 1
                || pendingRatio < 0
                || pendingRatio > 1) {
            throw new IllegalArgumentException("delayMs >= 0, ratios between 0 and 1");
        }
    }

    /** This behaviour with what {@code change} names changed; absent fields stay as they are. */
    Behaviour with(JsonObject change) {
        return new Behaviour(
                change.containsKey("delayMs") ? change.getJsonNumber("delayMs").longValueExact() : delayMs,
                change.containsKey("failureRatio")
                        ? change.getJsonNumber("failureRatio").doubleValue()
                        : failureRatio,
                change.containsKey("down") ? change.getBoolean("down") : down,
                change.containsKey("pendingRatio")
                        ? change.getJsonNumber("pendingRatio").doubleValue()
                        : pendingRatio,
                change.containsKey("declineAbove")
                        ? change.getJsonNumber("declineAbove").longValueExact()
                        : declineAbove,
                change.containsKey("settleAfterMs")
                        ? change.getJsonNumber("settleAfterMs").longValueExact()
                        : settleAfterMs);
    }

    Duration delay() {
        return Duration.ofMillis(delayMs);
    }

    JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("delayMs", delayMs)
                .add("failureRatio", failureRatio)
                .add("down", down)
                .add("pendingRatio", pendingRatio)
                .add("declineAbove", declineAbove)
                .add("settleAfterMs", settleAfterMs)
                .build();
    }
}
