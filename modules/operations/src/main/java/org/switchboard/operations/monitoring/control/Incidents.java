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
import org.switchboard.operations.monitoring.entity.IncidentKind;

/**
 * The open incidents — one per dead-letter queue, one for the database, one for in-doubt
 * transactions — and the rule for alerting about them: an incident opens at the first check that
 * finds something (a queue not empty, the database down, a transaction in doubt) and is resolved at
 * the first that finds nothing; one alert when it opens, a reminder every {@code reminder} while it
 * lasts, one when it is resolved — never one per message or per check. Checks of one subject come
 * one at a time; reads may come from any thread.
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
        return observe(IncidentKind.DEAD_LETTERS, queue, depth, now, reminder, first);
    }

    /**
     * One health check of the database or the transactions: {@code count} is what is wrong (1 for
     * the database down, the number of transactions in doubt), 0 when all is well.
     *
     * @param reason read only when an incident opens
     * @return the alert to raise, if any
     */
    public Optional<Change> observe(
            IncidentKind kind, long count, Instant now, Duration reminder, Supplier<String> reason) {
        return observe(kind, null, count, now, reminder, () -> new FirstDeadLetter(reason.get(), null));
    }

    private Optional<Change> observe(
            IncidentKind kind,
            String queue,
            long depth,
            Instant now,
            Duration reminder,
            Supplier<FirstDeadLetter> first) {
        var key = queue == null ? kind.name() : queue;
        var incident = open.get(key);
        if (depth > 0 && incident == null) {
            var message = first.get();
            var opened = new Incident(UUID.randomUUID().toString(), kind, queue, now, now, depth, message.reason());
            open.put(key, opened);
            return Optional.of(new Change(AlertType.OPENED, opened, depth, message.originalAddress()));
        }
        if (incident == null) {
            return Optional.empty();
        }
        if (depth == 0) {
            open.remove(key);
            return Optional.of(new Change(AlertType.RESOLVED, incident, 0, null));
        }
        if (!now.isBefore(incident.lastNotified().plus(reminder))) {
            var reminded = incident.notified(now, depth);
            open.put(key, reminded);
            return Optional.of(new Change(AlertType.REMINDER, reminded, depth, null));
        }
        open.put(key, incident.counting(depth));
        return Optional.empty();
    }

    /** Open incidents; none means healthy. */
    public List<Incident> open() {
        return List.copyOf(open.values());
    }

    /** Open incidents of one kind. */
    public List<Incident> open(IncidentKind kind) {
        return open.values().stream().filter(i -> i.kind() == kind).toList();
    }
}
