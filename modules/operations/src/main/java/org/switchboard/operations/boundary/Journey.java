package org.switchboard.operations.boundary;

import java.util.List;
import java.util.UUID;

/**
 * Every message of one flow (one correlation id) across the contexts, and where the flow stands.
 *
 * @param status DONE when no message of the flow waits anywhere, IN_PROGRESS while one waits or is
 *     retried, STUCK while one sits in a dead-letter or expiry queue
 * @param summary one line per message: its type and its latest state
 * @param steps what happened, in time order; then where messages are now
 */
public record Journey(UUID correlationId, Status status, List<String> summary, List<JourneyStep> steps) {

    public enum Status {
        DONE,
        IN_PROGRESS,
        STUCK
    }
}
