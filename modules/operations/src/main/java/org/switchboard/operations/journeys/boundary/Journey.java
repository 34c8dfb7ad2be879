package org.switchboard.operations.boundary;

import java.util.List;
import java.util.UUID;

/**
 * Every message of one flow (one correlation id) across the contexts, and where the flow stands.
 *
 * @param status see {@link Status}
 * @param summary one line per message and consumer: its type and its latest state; then what could
 *     not be seen (notes not recorded yet, queues too deep to search in full)
 * @param steps what happened, in time order; then where messages are now
 * @param notesPending journey notes of this flow still waiting in {@code ops.journey}
 * @param partlySearched queues holding more waiting messages than the broker scans per query
 */
public record Journey(
        UUID correlationId,
        Status status,
        List<String> summary,
        List<JourneyStep> steps,
        int notesPending,
        List<String> partlySearched) {

    public enum Status {
        /** Every message of the flow was handled, and none waits anywhere. */
        DONE,
        /** A message waits in a queue, for its redelivery, or is being delivered; or notes are pending. */
        IN_PROGRESS,
        /** A message sits in a dead-letter or expiry queue. */
        STUCK,
        /** A message was dead-lettered and is in no queue any more: deleted (see the audit trail). */
        ABANDONED,
        /** Nothing waits as far as was seen, but a queue was too deep to search in full. */
        UNCERTAIN
    }
}
