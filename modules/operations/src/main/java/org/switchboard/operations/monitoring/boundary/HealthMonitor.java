package org.switchboard.operations.monitoring.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.switchboard.messaging.Destinations;
import org.switchboard.operations.broker.control.BrokerQueues;
import org.switchboard.operations.monitoring.control.DatabaseProbe;
import org.switchboard.operations.monitoring.control.Diagnosis;
import org.switchboard.operations.monitoring.control.TransactionLog;
import org.switchboard.operations.monitoring.entity.IncidentKind;

/**
 * Checks the database, the transactions and whether a queue is paused: on a timer (every {@code switchboard.ops.health-seconds},
 * default 10), which feeds the alerts, and on every health request. A transaction counts as in
 * doubt once it has been prepared for {@code switchboard.ops.prepared-limit-seconds} (default 60):
 * longer than a commit takes, shorter than an outage's locks should last. No transaction: the
 * checks must work while the database does not.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthMonitor {

    private static final System.Logger LOG = System.getLogger(HealthMonitor.class.getName());

    @Inject
    DatabaseProbe database;

    @Inject
    TransactionLog log;

    @Inject
    Alerts alerts;

    @Inject
    BrokerQueues broker;

    @Resource
    TimerService timers;

    @PostConstruct
    void start() {
        var every = Duration.ofSeconds(setting("switchboard.ops.health-seconds", 10));
        timers.createIntervalTimer(every.toMillis(), every.toMillis(), new TimerConfig("health-checks", false));
    }

    @Timeout
    void checkAndAlert() {
        try {
            alerts.onDiagnosis(check());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Health check failed: {0}", e.toString());
        }
    }

    /** The database, the transactions, the dead-letter queues and the paused queues now. */
    public Diagnosis check() {
        var now = Instant.now();
        return Diagnosis.of(
                database.read(),
                log.read(),
                alerts.openIncidents(IncidentKind.DEAD_LETTERS).size(),
                pausedQueues(),
                now,
                Duration.ofSeconds(setting("switchboard.ops.prepared-limit-seconds", 60)));
    }

    /** By their JMS names; none when the broker cannot be read (the queues page says so then). */
    private List<String> pausedQueues() {
        try {
            return broker.survey().stream()
                    .filter(queue -> queue.load().paused())
                    .map(queue -> Destinations.jmsName(queue.queue()))
                    .toList();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Queues not read for health: {0}", e.toString());
            return List.of();
        }
    }

    private static long setting(String name, long fallback) {
        return ConfigProvider.getConfig().getOptionalValue(name, Long.class).orElse(fallback);
    }
}
