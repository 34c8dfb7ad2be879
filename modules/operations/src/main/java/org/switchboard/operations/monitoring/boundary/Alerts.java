package org.switchboard.operations.monitoring.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.switchboard.operations.broker.control.BrokerQueues;
import org.switchboard.operations.broker.entity.OutsideRemoval;
import org.switchboard.operations.broker.entity.QueueKind;
import org.switchboard.operations.monitoring.control.AlertWebhook;
import org.switchboard.operations.monitoring.control.Diagnosis;
import org.switchboard.operations.monitoring.control.FirstDeadLetter;
import org.switchboard.operations.monitoring.control.Incidents;
import org.switchboard.operations.monitoring.entity.AlertType;
import org.switchboard.operations.monitoring.entity.HealthStatus;
import org.switchboard.operations.monitoring.entity.InDoubtTransaction;
import org.switchboard.operations.monitoring.entity.Incident;
import org.switchboard.operations.monitoring.entity.IncidentKind;

/**
 * Turns queue samples and health checks into incidents (see {@link Incidents} for the rule) and
 * raises their alerts: logged, fired as a CDI event, kept for the dashboard and posted to the alert
 * webhook. Incidents: a dead-letter queue that holds messages (every dead-letter queue the broker's
 * address settings name counts, including ones created after start-up), the database down, in-doubt
 * or heuristic transactions, a paused queue. Dead letters removed outside four-eyes raise a one-off
 * {@code NOTICE} instead, which opens no incident. The reminder interval is {@code switchboard.alerts.reminder-seconds}
 * (default 900). Called by the sampling timer's event, the health timer and {@link Operations}, not
 * by the webapp.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Alerts {

    private static final System.Logger LOG = System.getLogger(Alerts.class.getName());
    private static final int KEEP = 100;

    private final Incidents incidents = new Incidents();
    private final Deque<Alert> recent = new ArrayDeque<>();

    @Inject
    Event<Alert> alerts;

    @Inject
    AlertWebhook webhook;

    @Inject
    BrokerQueues broker;

    /** Called for every timed sample (an EJB observer must be a public business method). */
    public void onSample(@Observes QueueMonitor.QueuesSampled sample) {
        var now = Instant.now();
        for (var queue : sample.queues()) {
            if (queue.sample().kind() != QueueKind.DEAD_LETTER) {
                continue;
            }
            incidents
                    .observe(
                            queue.queue(),
                            queue.sample().load().depth(),
                            now,
                            reminder(),
                            () -> FirstDeadLetter.of(broker.peekFirst(queue.queue())))
                    .ifPresent(change -> raise(change, now));
        }
    }

    /** Called with every timed health check: the database and the transactions. */
    public void onDiagnosis(Diagnosis diagnosis) {
        var now = Instant.now();
        var down = diagnosis.database().status() == HealthStatus.DOWN;
        incidents
                .observe(
                        IncidentKind.DATABASE_DOWN,
                        down ? 1 : 0,
                        now,
                        reminder(),
                        () -> "the database does not answer: "
                                + diagnosis.database().detail())
                .ifPresent(change -> raise(change, now));
        var inDoubt = diagnosis.inDoubt();
        incidents
                .observe(
                        IncidentKind.IN_DOUBT_TRANSACTIONS,
                        inDoubt.size(),
                        now,
                        reminder(),
                        () -> inDoubt.stream()
                                        .filter(InDoubtTransaction::heuristic)
                                        .count()
                                + " heuristic transaction(s) of " + inDoubt.size() + " in doubt, first "
                                + inDoubt.get(0).origin() + " "
                                + inDoubt.get(0).id())
                .ifPresent(change -> raise(change, now));
        var paused = diagnosis.queues();
        incidents
                .observe(
                        IncidentKind.PAUSED_QUEUES,
                        paused.status() == HealthStatus.UP ? 0 : 1,
                        now,
                        reminder(),
                        paused::detail)
                .ifPresent(change -> raise(change, now));
    }

    /**
     * Dead letters left a queue outside four-eyes (audited by then): one notice each time, with
     * how many; it opens no incident, as there is nothing to wait for.
     */
    public void onOutsideRemoval(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutsideRemoval removal) {
        publish(new Alert(
                UUID.randomUUID().toString(),
                IncidentKind.DEAD_LETTERS_CHANGED_OUTSIDE,
                AlertType.NOTICE,
                removal.queue(),
                removal.messages(),
                "changed outside four-eyes: " + removal.messages()
                        + " dead letter(s) removed without a request; see the audit trail",
                null,
                removal.at(),
                Instant.now()));
    }

    /** Open incidents; none means healthy. */
    public List<Incident> openIncidents() {
        return incidents.open();
    }

    /** Open incidents of one kind. */
    public List<Incident> openIncidents(IncidentKind kind) {
        return incidents.open(kind);
    }

    /** The last alerts raised, newest first. */
    public List<Alert> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    private static Duration reminder() {
        return Duration.ofSeconds(Long.getLong("switchboard.alerts.reminder-seconds", 900));
    }

    private void raise(Incidents.Change change, Instant now) {
        var incident = change.incident();
        var alert = new Alert(
                incident.id(),
                incident.kind(),
                change.type(),
                incident.queue(),
                change.count(),
                incident.reason(),
                change.originalAddress(),
                incident.started(),
                now);
        publish(alert);
    }

    private void publish(Alert alert) {
        LOG.log(
                alert.type() == AlertType.RESOLVED ? System.Logger.Level.INFO : System.Logger.Level.ERROR,
                "Alert {0} {1}: {2} ({3}); reason: {4} (incident {5}, since {6})",
                alert.type(),
                alert.kind(),
                alert.queue() == null ? "count" : alert.queue(),
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
            LOG.log(System.Logger.Level.ERROR, () -> "An observer of alert " + alert.incidentId() + " failed", e);
        }
        webhook.post(alert);
    }
}
