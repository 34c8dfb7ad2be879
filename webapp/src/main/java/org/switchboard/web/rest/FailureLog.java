package org.switchboard.web.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.messaging.Transience;

/**
 * One line per failed request, the stack trace once per distinct failure: a failure's fingerprint
 * is its exception class, its root cause's class and the root cause's first stack frame (not the
 * message, which carries ids). The first request with a fingerprint logs the stack under its
 * incident id; later ones within {@link #WINDOW} log one line that names it. An outage that fails
 * every request so costs a line each, not a stack trace each.
 */
final class FailureLog {

    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int MAX_FINGERPRINTS = 1_000;

    /** The incident whose log entry holds the stack trace, and until when it stands for its kind. */
    record Seen(UUID incident, Instant until) {}

    /** How to log one failure. */
    record Entry(UUID incident, UUID stackLoggedIn) {

        boolean withStack() {
            return incident.equals(stackLoggedIn);
        }
    }

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** A new incident id for this failure, and the incident whose entry has its stack trace. */
    Entry record(Throwable failure, Instant now) {
        var incident = UUID.randomUUID();
        if (seen.size() > MAX_FINGERPRINTS) {
            seen.values().removeIf(s -> s.until().isBefore(now));
        }
        var kept = seen.compute(
                fingerprint(failure),
                (key, before) ->
                        before == null || before.until().isBefore(now) ? new Seen(incident, now.plus(WINDOW)) : before);
        return new Entry(incident, kept.incident());
    }

    static String fingerprint(Throwable failure) {
        var root = Transience.rootCause(failure);
        var frames = root.getStackTrace();
        return failure.getClass().getName() + "|" + root.getClass().getName() + "|"
                + (frames.length == 0 ? "" : frames[0].toString());
    }

    static String oneLine(Throwable failure) {
        var root = Transience.rootCause(failure);
        return root == failure ? failure.toString() : failure.getClass().getName() + " caused by " + root;
    }
}
