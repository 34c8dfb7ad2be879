package org.switchboard.messaging;

/**
 * A system outside Switchboard that a consumer needs (a partner's HTTP API, say) cannot answer now,
 * or has not finished: the consumer's delivery is deferred like one during a database outage
 * ({@link Transience}), sent back to its queue with a growing delay without burning a delivery
 * attempt, and tried again later. Thrown after the partner's own resilience (timeouts, retries, a
 * circuit breaker) gave up on this attempt; the local transaction rolls back with it, so nothing
 * is half done, and the retry must be idempotent at the partner (an Idempotency-Key).
 */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public DependencyUnavailableException(String message) {
        super(message);
    }
}
