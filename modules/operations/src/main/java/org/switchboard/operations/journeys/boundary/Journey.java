package org.switchboard.operations.journeys.boundary;

import java.util.List;
import java.util.UUID;
import org.switchboard.operations.journeys.entity.JourneyStatus;
import org.switchboard.operations.journeys.entity.JourneyStep;

/**
 * Every message of one flow (one correlation id) across the contexts, and where the flow stands.
 *
 * @param summary one line per message and consumer: its type and its latest state; then what could
 *     not be seen (notes not recorded yet, queues too deep to search in full)
 * @param steps what happened, in time order; then where messages are now
 * @param notesPending journey notes of this flow still waiting in {@code ops.journey}
 * @param partlySearched queues holding more waiting messages than the broker scans per query
 */
public record Journey(
        UUID correlationId,
        JourneyStatus status,
        List<String> summary,
        List<JourneyStep> steps,
        int notesPending,
        List<String> partlySearched) {}
