package org.switchboard.operations.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.messaging.Headers;
import org.switchboard.operations.boundary.DeadLetterAlert.Type;
import org.switchboard.operations.control.AlertWebhook;

/**
 * Turns queue samples into dead-letter incidents: one incident per dead-letter queue from the
 * sample that first finds it non-empty to the one that finds it empty again. An incident raises
 * one alert when it opens, a reminder every {@code switchboard.alerts.reminder-seconds} (default
 * 900) while it lasts, and one when it is resolved — never one per message. Every dead-letter queue
 * the broker's address settings name counts, including ones created after start-up.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeadLetterAlerts {

    private static final System.Logger LOG = System.getLogger(DeadLetterAlerts.class.getName());
    private static final int KEEP = 100;

    /** An open incident. */
    public record Incident(String id, String queue, Instant started, Instant lastNotified, long count, String reason) {}

    private final Map<String, Incident> open = new ConcurrentHashMap<>();
    private final Deque<DeadLetterAlert> recent = new ArrayDeque<>();

    @Inject
    Event<DeadLetterAlert> alerts;

    @Inject
    AlertWebhook webhook;

    @Inject
    QueueMonitor monitor;

    /** Called for every timed sample (an EJB observer must be a public business method). */
    public void onSample(@Observes QueueMonitor.QueuesSampled sample) {
        var now = Instant.now();
        var reminder = Duration.ofSeconds(Long.getLong("switchboard.alerts.reminder-seconds", 900));
        for (var queue : sample.queues()) {
            if (queue.kind() != QueueStatus.Kind.DEAD_LETTER) {
                continue;
            }
            var incident = open.get(queue.queue());
            if (queue.depth() > 0 && incident == null) {
                var first = monitor.broker().peekFirst(queue.queue());
                var opened = new Incident(
                        UUID.randomUUID().toString(), queue.queue(), now, now, queue.depth(), reason(first));
                open.put(queue.queue(), opened);
                raise(opened, Type.OPENED, queue.depth(), originalAddress(first), now);
            } else if (queue.depth() > 0
                    && !now.isBefore(incident.lastNotified().plus(reminder))) {
                var reminded = new Incident(
                        incident.id(), incident.queue(), incident.started(), now, queue.depth(), incident.reason());
                open.put(queue.queue(), reminded);
                raise(reminded, Type.REMINDER, queue.depth(), null, now);
            } else if (queue.depth() == 0 && incident != null) {
                open.remove(queue.queue());
                raise(incident, Type.RESOLVED, 0, null, now);
            } else if (incident != null) {
                open.put(
                        queue.queue(),
                        new Incident(
                                incident.id(),
                                incident.queue(),
                                incident.started(),
                                incident.lastNotified(),
                                queue.depth(),
                                incident.reason()));
            }
        }
    }

    /** Open incidents; none means healthy. */
    public List<Incident> openIncidents() {
        return List.copyOf(open.values());
    }

    /** The last alerts raised, newest first. */
    public List<DeadLetterAlert> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    private void raise(Incident incident, Type type, long count, String originalAddress, Instant now) {
        var alert = new DeadLetterAlert(
                incident.id(),
                type,
                incident.queue(),
                count,
                incident.reason(),
                originalAddress,
                incident.started(),
                now);
        var level = type == Type.RESOLVED ? System.Logger.Level.INFO : System.Logger.Level.ERROR;
        LOG.log(
                level,
                "Dead-letter alert {0}: {1} holds {2} message(s); reason: {3} (incident {4}, since {5})",
                type,
                alert.queue(),
                count,
                alert.reason(),
                alert.incidentId(),
                alert.incidentStarted());
        synchronized (recent) {
            recent.addFirst(alert);
            while (recent.size() > KEEP) {
                recent.removeLast();
            }
        }
        try {
            alerts.fire(alert);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "An observer of dead-letter alert " + alert.incidentId() + " failed", e);
        }
        webhook.post(alert);
    }

    private static String reason(java.util.Optional<JsonObject> first) {
        if (first.isEmpty()) {
            return "unknown (the message was already gone)";
        }
        var message = first.get();
        var reason = property(message, Headers.DEAD_LETTER_REASON);
        if (reason != null) {
            // The code only: the consumer's detail may quote personal data, and alerts leave the system.
            return reason;
        }
        var queue = property(message, Headers.ORIGINAL_QUEUE);
        return "redelivery exhausted" + (queue == null ? "" : " on " + queue);
    }

    private static String originalAddress(java.util.Optional<JsonObject> first) {
        return first.map(m -> property(m, Headers.ORIGINAL_ADDRESS)).orElse(null);
    }

    /** Artemis lists a message's properties next to its headers; some versions nest them. */
    private static String property(JsonObject message, String name) {
        if (message.containsKey(name)) {
            return String.valueOf(message.get(name)).replaceAll("^\"|\"$", "");
        }
        var nested = message.get("properties");
        if (nested instanceof JsonObject properties && properties.containsKey(name)) {
            return String.valueOf(properties.get(name)).replaceAll("^\"|\"$", "");
        }
        return null;
    }
}
