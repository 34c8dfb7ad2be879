package org.switchboard.operations.monitoring.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.switchboard.operations.monitoring.entity.AlertType;
import org.switchboard.operations.monitoring.entity.Incident;

/**
 * The open dead-letter incidents, one per dead-letter queue, and the rule for alerting about them:
 * an incident opens at the first sample that finds its queue not empty and is resolved at the first
 * that finds it empty; one alert when it opens, a reminder every {@code reminder} while it lasts, one
 * when it is resolved — never one per message. Samples come one at a time; reads may come from any
 * thread.
 */
public class Incidents {

    /**
     * What a sample changed that deserves an alert.
     *
     * @param count messages in the queue (0 when resolved)
     * @param originalAddress where the first message was sent (only when the incident opens)
     */
    public record Change(AlertType type, Incident incident, long count, String originalAddress) {}

    private final Map<String, Incident> open = new ConcurrentHashMap<>();

    /**
     * One dead-letter queue at one sample. The first message is read only when an incident opens.
     *
     * @return the alert to raise, if any
     */
    public Optional<Change> observe(
            String queue, long depth, Instant now, Duration reminder, Supplier<FirstDeadLetter> first) {
        var incident = open.get(queue);
        if (depth > 0 && incident == null) {
            var message = first.get();
            var opened = new Incident(UUID.randomUUID().toString(), queue, now, now, depth, message.reason());
            open.put(queue, opened);
            return Optional.of(new Change(AlertType.OPENED, opened, depth, message.originalAddress()));
        }
        if (incident == null) {
            return Optional.empty();
        }
        if (depth == 0) {
            open.remove(queue);
            return Optional.of(new Change(AlertType.RESOLVED, incident, 0, null));
        }
        if (!now.isBefore(incident.lastNotified().plus(reminder))) {
            var reminded = incident.notified(now, depth);
            open.put(queue, reminded);
            return Optional.of(new Change(AlertType.REMINDER, reminded, depth, null));
        }
        open.put(queue, incident.counting(depth));
        return Optional.empty();
    }

    /** Open incidents; none means healthy. */
    public List<Incident> open() {
        return List.copyOf(open.values());
    }
}
