package org.switchboard.operations.journeys.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import org.switchboard.operations.journeys.entity.JourneyStatus;
import org.switchboard.operations.journeys.entity.JourneyStep;
import org.switchboard.operations.journeys.entity.Outcome;

/**
 * Where a flow stands, and one line per message and consumer queue saying so; then what could not
 * be seen (notes not recorded yet, queues too deep to search in full).
 */
public record JourneySummary(JourneyStatus status, List<String> lines) {

    /**
     * @param steps what happened, in time order, then where messages are now
     * @param notesPending journey notes of the flow still waiting in {@code ops.journey}
     * @param partlySearched queues holding more waiting messages than one search scans
     */
    public static JourneySummary of(List<JourneyStep> steps, int notesPending, List<String> partlySearched) {
        // The latest state of each message at each consumer's queue: where it is now if it is
        // anywhere, else its last delivery there.
        var latest = new LinkedHashMap<String, JourneyStep>();
        for (var step : steps) {
            var key = step.message().messageId() + "|" + step.consumerQueue();
            var before = latest.get(key);
            if (before == null || step.live() || !before.live()) {
                latest.put(key, step);
            }
        }
        var lines = new ArrayList<String>();
        latest.values().forEach(step -> lines.add(describe(step)));
        if (notesPending > 0) {
            lines.add(notesPending + " journey note(s) of this flow not recorded yet (queue ops.journey)");
        }
        for (var queue : partlySearched) {
            lines.add("Queue " + queue + " holds more messages than one search scans; a message of this flow"
                    + " may wait there unseen");
        }
        return new JourneySummary(status(steps, latest.values(), notesPending, partlySearched), List.copyOf(lines));
    }

    static JourneyStatus status(
            List<JourneyStep> steps, Collection<JourneyStep> latest, int notesPending, List<String> partlySearched) {
        if (steps.stream().anyMatch(s -> s.live() && s.outcome().stuck())) {
            return JourneyStatus.STUCK;
        }
        if (notesPending > 0 || steps.stream().anyMatch(JourneyStep::live)) {
            return JourneyStatus.IN_PROGRESS;
        }
        if (latest.stream().anyMatch(s -> s.outcome() == Outcome.DEAD_LETTERED)) {
            return JourneyStatus.ABANDONED;
        }
        return partlySearched.isEmpty() ? JourneyStatus.DONE : JourneyStatus.UNCERTAIN;
    }

    /** One message's latest state, in a sentence. */
    static String describe(JourneyStep step) {
        var message = step.message();
        var what = (message.type() != null ? message.type() : "a message without type") + " " + message.messageId();
        var handling = step.handling();
        var by = handling.context() + "/" + handling.consumer();
        return switch (step.outcome()) {
            case PROCESSED ->
                what + ": processed by " + by + " at " + handling.handledAt() + " (delivery " + handling.deliveryCount()
                        + ")";
            case DUPLICATE -> what + ": a duplicate, ignored by " + by + " at " + handling.handledAt();
            case DEAD_LETTERED ->
                what + ": dead-lettered by " + by + " (" + step.reason() + ") at " + handling.handledAt()
                        + ", and in no queue now (deleted, or replayed and not yet handled again)";
            case WAITING ->
                what + ": waiting in " + step.where() + " since "
                        + step.sending().sentAt();
            case IN_DELIVERY -> what + ": being delivered from " + step.where();
            case RETRYING -> what + ": failed, waiting in " + step.where() + " for its next delivery";
            case IN_DEAD_LETTER_QUEUE ->
                what + ": in dead-letter queue " + step.where() + " (" + step.reason()
                        + "); an operator can request a replay";
            case EXPIRED -> what + ": expired, in " + step.where();
        };
    }
}
