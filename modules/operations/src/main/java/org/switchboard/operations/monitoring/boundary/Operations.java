package org.switchboard.operations.monitoring.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.switchboard.messaging.management.ManagedBrokers;
import org.switchboard.operations.monitoring.entity.ComponentHealth;
import org.switchboard.operations.monitoring.entity.HealthStatus;
import org.switchboard.operations.monitoring.entity.InDoubtTransaction;
import org.switchboard.operations.monitoring.entity.Incident;

/**
 * What the webapp may ask about the broker, the database and the transactions: queues now and
 * lately, alerts, health. Every operations role may.
 */
@Stateless
@RolesAllowed({"viewer", "operator", "approver"})
public class Operations {

    @Inject
    QueueMonitor monitor;

    @Inject
    Alerts alerts;

    @Inject
    HealthMonitor checks;

    /**
     * Health: DOWN while the database does not answer; DEGRADED while a dead-letter queue holds
     * messages, a transaction is heuristic or prepared too long, or a queue is paused; UP otherwise.
     *
     * @param openIncidents every open incident, of every kind
     * @param inDoubtTransactions the transactions that need a look, each with its way out
     */
    public record Health(
            HealthStatus status,
            List<Incident> openIncidents,
            Components components,
            List<InDoubtTransaction> inDoubtTransactions) {}

    /** The parts health looks at. */
    public record Components(
            ComponentHealth database,
            ComponentHealth transactions,
            ComponentHealth deadLetters,
            ComponentHealth queues) {}

    /** Every broker queue, read from the broker now. */
    public List<QueueStatus> queues() {
        return monitor.now();
    }

    /**
     * Every broker this node manages and what it does now: the embedded one in the default mode; in
     * cluster mode the pair, one ACTIVE, the other BACKUP, or DOWN while stopped.
     */
    public List<BrokerStatus> brokers() {
        return ManagedBrokers.all().stream()
                .map(broker -> new BrokerStatus(broker.name(), broker.state(), broker.endpoint()))
                .toList();
    }

    /** The timed samples of the last ten minutes, per queue, oldest first. */
    public Map<String, List<QueueStatus>> history() {
        return monitor.history();
    }

    public List<Alert> recentAlerts() {
        return alerts.recent();
    }

    /** Checked now; no transaction, as the database may be the thing that is down. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Health health() {
        var diagnosis = checks.check();
        return new Health(
                diagnosis.status(),
                alerts.openIncidents(),
                new Components(
                        diagnosis.database(), diagnosis.transactions(), diagnosis.deadLetters(), diagnosis.queues()),
                diagnosis.inDoubt());
    }
}
