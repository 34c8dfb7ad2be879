package org.switchboard.web.login;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong passwords per client address in a sliding window. An address that reached the limit is
 * throttled until its oldest failure in the window ages out: the user it guessed at is not locked,
 * so the owner still logs in from anywhere else. In memory, per server; a restart forgets.
 */
final class FailedLogins {

    /** Addresses tracked at most; beyond, those with only stale failures are forgotten first. */
    private static final int MAX_ADDRESSES = 10_000;

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    FailedLogins(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** How long this address must wait before it may present credentials again; zero if it may now. */
    Duration waitFor(String address, Instant now) {
        var times = failures.get(address);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return Duration.ZERO;
            }
            return Duration.between(now, times.peekFirst().plus(window));
        }
    }

    /** Records one wrong password from this address; how many it has in the window now. */
    int failed(String address, Instant now) {
        if (failures.size() >= MAX_ADDRESSES) {
            failures.values().removeIf(times -> {
                synchronized (times) {
                    prune(times, now);
                    return times.isEmpty();
                }
            });
        }
        var times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            // Only the newest `limit` matter for the throttle.
            while (times.size() > limit) {
                times.removeFirst();
            }
            return times.size();
        }
    }

    Duration window() {
        return window;
    }

    private void prune(Deque<Instant> times, Instant now) {
        var horizon = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }
}
