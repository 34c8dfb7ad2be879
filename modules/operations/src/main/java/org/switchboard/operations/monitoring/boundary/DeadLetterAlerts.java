package org.switchboard.operations.monitoring.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.switchboard.operations.broker.control.BrokerQueues;
import org.switchboard.operations.broker.entity.QueueKind;
import org.switchboard.operations.monitoring.control.AlertWebhook;
import org.switchboard.operations.monitoring.control.FirstDeadLetter;
import org.switchboard.operations.monitoring.control.Incidents;
import org.switchboard.operations.monitoring.entity.AlertType;
import org.switchboard.operations.monitoring.entity.Incident;

/**
 * Turns queue samples into dead-letter incidents (see {@link Incidents} for the rule) and raises
 * their alerts: logged, fired as a CDI event, kept for the dashboard and posted to the alert
 * webhook. The reminder interval is {@code switchboard.alerts.reminder-seconds} (default 900).
 * Every dead-letter queue the broker's address settings name counts, including ones created after
 * start-up. Called by the sampling timer's event and by {@link Operations}, not by the webapp.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeadLetterAlerts {

    private static final System.Logger LOG = System.getLogger(DeadLetterAlerts.class.getName());
    private static final int KEEP = 100;

    private final Incidents incidents = new Incidents();
    private final Deque<DeadLetterAlert> recent = new ArrayDeque<>();

    @Inject
    Event<DeadLetterAlert> alerts;

    @Inject
    AlertWebhook webhook;

    @Inject
    BrokerQueues broker;

    /** Called for every timed sample (an EJB observer must be a public business method). */
    public void onSample(@Observes QueueMonitor.QueuesSampled sample) {
        var now = Instant.now();
        var reminder = Duration.ofSeconds(Long.getLong("switchboard.alerts.reminder-seconds", 900));
        for (var queue : sample.queues()) {
            if (queue.sample().kind() != QueueKind.DEAD_LETTER) {
                continue;
            }
            incidents
                    .observe(
                            queue.queue(),
                            queue.sample().load().depth(),
                            now,
                            reminder,
                            () -> FirstDeadLetter.of(broker.peekFirst(queue.queue())))
                    .ifPresent(change -> raise(change, now));
        }
    }

    /** Open incidents; none means healthy. */
    public List<Incident> openIncidents() {
        return incidents.open();
    }

    /** The last alerts raised, newest first. */
    public List<DeadLetterAlert> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    private void raise(Incidents.Change change, Instant now) {
        var incident = change.incident();
        var alert = new DeadLetterAlert(
                incident.id(),
                change.type(),
                incident.queue(),
                change.count(),
                incident.reason(),
                change.originalAddress(),
                incident.started(),
                now);
        LOG.log(
                change.type() == AlertType.RESOLVED ? System.Logger.Level.INFO : System.Logger.Level.ERROR,
                "Dead-letter alert {0}: {1} holds {2} message(s); reason: {3} (incident {4}, since {5})",
                alert.type(),
                alert.queue(),
                alert.count(),
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
            LOG.log(
                    System.Logger.Level.ERROR,
                    () -> "An observer of dead-letter alert " + alert.incidentId() + " failed",
                    e);
        }
        webhook.post(alert);
    }
}
