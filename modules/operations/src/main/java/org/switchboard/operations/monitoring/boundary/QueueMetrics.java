package org.switchboard.operations.monitoring.boundary;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.messaging.metrics.DescribedMeters;
import org.switchboard.operations.monitoring.entity.IncidentKind;

/**
 * Switchboard's own metrics, from each queue sample, in WildFly's Micrometer registry, which the
 * management interface serves as Prometheus text at {@code /prometheus}. WildFly's {@code /metrics}
 * already has every queue's raw counters; these add what only Switchboard knows:
 *
 * <ul>
 *   <li>{@code switchboard_queue_messages{queue, kind}}: depth, with the queue's kind (QUEUE,
 *       SUBSCRIPTION, DEAD_LETTER, EXPIRY) read from the address settings, so one rule can alert on
 *       every dead-letter queue, also ones created later;
 *   <li>{@code switchboard_queue_oldest_message_age_seconds{queue, kind}}: 0 when empty;
 *   <li>{@code switchboard_dead_letter_incidents_open}: the incidents {@link Alerts} has
 *       open (it may lag one sample behind, as both observe the same sample).
 * </ul>
 *
 * <p>Each carries a description (the {@code # HELP} line), which in WildFly 39.0.1 takes a way
 * round the deployment's registry ({@link DescribedMeters}). Registries
 * keep gauges' state weakly, so the state objects live in this singleton, and every gauge is
 * removed when the application stops (a redeployment would otherwise keep the old, dead ones).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class QueueMetrics {

    static final String MESSAGES = "switchboard.queue.messages";
    static final String OLDEST_AGE = "switchboard.queue.oldest.message.age.seconds";
    static final String INCIDENTS = "switchboard.dead.letter.incidents.open";

    /** One queue's current values; the gauges read them. */
    static final class Values {
        volatile double messages;
        volatile double oldestAgeSeconds;
        final Meter[] meters = new Meter[2];
    }

    private static final System.Logger LOG = System.getLogger(QueueMetrics.class.getName());

    @Inject
    MeterRegistry registry;

    @Inject
    Alerts alerts;

    private final Map<String, Values> queues = new ConcurrentHashMap<>();
    private final AtomicLong openIncidents = new AtomicLong();
    private Meter incidents;

    private DescribedMeters gauges;

    @PostConstruct
    void register() {
        gauges = new DescribedMeters(registry);
        incidents = gauges.gauge(
                INCIDENTS,
                "Dead-letter queues that hold messages: the dead-letter incidents open now",
                Tags.empty(),
                openIncidents,
                AtomicLong::doubleValue);
    }

    /**
     * Called for every timed sample (an EJB observer must be a public business method). It never
     * throws and joins no transaction: the dead-letter alerts observe the same event, and a metrics
     * failure must not cost them their sample.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void onSample(@Observes QueueMonitor.QueuesSampled sample) {
        try {
            update(sample);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Metrics not updated from this sample: {0}", e.toString());
        }
    }

    private void update(QueueMonitor.QueuesSampled sample) {
        var seen = new HashSet<String>();
        for (var queue : sample.queues()) {
            var key = queue.queue() + "|" + queue.sample().kind();
            seen.add(key);
            var values = queues.computeIfAbsent(key, k -> gauges(queue));
            var load = queue.sample().load();
            values.messages = load.depth();
            values.oldestAgeSeconds =
                    load.oldestMessageAgeMillis() == null ? 0 : load.oldestMessageAgeMillis() / 1000.0;
        }
        // A queue that is gone (a deleted subscription) stops being reported.
        queues.keySet().removeIf(key -> {
            if (seen.contains(key)) {
                return false;
            }
            remove(queues.get(key));
            return true;
        });
        openIncidents.set(alerts.openIncidents(IncidentKind.DEAD_LETTERS).size());
    }

    private Values gauges(QueueStatus queue) {
        var values = new Values();
        var tags = Tags.of("queue", queue.queue(), "kind", queue.sample().kind().name());
        values.meters[0] = gauges.gauge(
                MESSAGES,
                "Messages in the queue (waiting, in flight and scheduled); kind is QUEUE, SUBSCRIPTION,"
                        + " DEAD_LETTER or EXPIRY, from the broker's address settings",
                tags,
                values,
                v -> v.messages);
        values.meters[1] = gauges.gauge(
                OLDEST_AGE,
                "Age in seconds of the queue's oldest message, 0 when it is empty",
                tags,
                values,
                v -> v.oldestAgeSeconds);
        return values;
    }

    private void remove(Values values) {
        if (values != null) {
            for (var meter : values.meters) {
                gauges.remove(meter);
            }
        }
    }

    @PreDestroy
    void unregister() {
        queues.values().forEach(this::remove);
        queues.clear();
        gauges.remove(incidents);
    }
}
