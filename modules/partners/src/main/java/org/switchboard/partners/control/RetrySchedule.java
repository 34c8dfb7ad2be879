package org.switchboard.partners.control;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential backoff with jitter, up to a maximum number
 * of attempts. After attempt n the ceiling is {@code base * 2^(n-1)}, capped at {@code max}, and the
 * wait is drawn between half the ceiling and the ceiling ("equal jitter"): it still grows, but the
 * deliveries that failed together (a partner's outage) do not all come back in the same second.
 */
public record RetrySchedule(Duration base, Duration max, int maxAttempts) {

    public RetrySchedule {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("Not a retry schedule: " + base + ", " + max + ", " + maxAttempts);
        }
    }

    /** The wait after {@code attemptsMade} failed attempts; empty when they were the last. */
    public Optional<Duration> after(int attemptsMade, RandomGenerator random) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        var ceiling = ceiling(attemptsMade).toMillis();
        var half = ceiling / 2;
        return Optional.of(Duration.ofMillis(half + random.nextLong(ceiling - half + 1)));
    }

    /** The longest wait after {@code attemptsMade} failed attempts. */
    Duration ceiling(int attemptsMade) {
        var doublings = Math.min(Math.max(attemptsMade - 1, 0), 40);
        var millis = base.toMillis() * (1L << Math.min(doublings, 30));
        return millis >= max.toMillis() || doublings > 30 ? max : Duration.ofMillis(millis);
    }
}
