package org.switchboard.partners.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.switchboard.messaging.metrics.DescribedMeters;
import org.switchboard.partners.entity.AttemptOutcome;
import org.switchboard.partners.entity.DeliveryState;

/**
 * The webhook outbox in WildFly's Micrometer registry, which {@code /prometheus} serves:
 *
 * <ul>
 *   <li>{@code switchboard_webhook_deliveries{state}}: the outbox backlog, PENDING and FAILED
 *       (DELIVERED too), read from the table every five seconds;
 *   <li>{@code switchboard_webhook_endpoints_disabled}: endpoints waiting for an operator;
 *   <li>{@code switchboard_webhook_attempts_total{outcome}}: posts by outcome (delivered, rejected,
 *       unreachable) on this node;
 *   <li>{@code switchboard_webhook_deliveries_failed_total}: deliveries this node gave up on (each
 *       also logs an ERROR line starting "Alert:").
 * </ul>
 *
 * <p>Registered with their {@code # HELP} descriptions through {@link DescribedMeters}.
 */
@Singleton
@Startup
@DependsOn("PartnersSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookMetrics {

    static final String DELIVERIES = "switchboard.webhook.deliveries";
    static final String DISABLED = "switchboard.webhook.endpoints.disabled";
    static final String ATTEMPTS = "switchboard.webhook.attempts";
    static final String FAILED = "switchboard.webhook.deliveries.failed";

    private static final System.Logger LOG = System.getLogger(WebhookMetrics.class.getName());

    @Inject
    MeterRegistry registry;

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    private final Map<DeliveryState, AtomicLong> backlog = new EnumMap<>(DeliveryState.class);
    private final AtomicLong disabled = new AtomicLong();
    private final Map<AttemptOutcome, Counter> attempts = new EnumMap<>(AttemptOutcome.class);
    private final List<Meter> meters = new ArrayList<>();
    private Counter failed;
    private DescribedMeters described;

    @PostConstruct
    void register() {
        var described = new DescribedMeters(registry);
        for (var state : DeliveryState.values()) {
            var value = new AtomicLong();
            backlog.put(state, value);
            meters.add(described.gauge(
                    DELIVERIES,
                    "Partner webhook deliveries by state (the outbox's backlog), every 5 s",
                    Tags.of("state", state.name()),
                    value,
                    AtomicLong::doubleValue));
        }
        meters.add(described.gauge(
                DISABLED,
                "Partner webhook endpoints disabled after failing too often in a row",
                Tags.empty(),
                disabled,
                AtomicLong::doubleValue));
        for (var outcome : AttemptOutcome.values()) {
            var counter = described.counter(
                    ATTEMPTS, "Partner webhook posts, by how they went", Tags.of("outcome", outcome.tag()));
            attempts.put(outcome, counter);
            meters.add(counter);
        }
        failed = described.counter(
                FAILED, "Partner webhook deliveries given up (FAILED) after their last attempt", Tags.empty());
        meters.add(failed);
        this.described = described;
        refresh();
    }

    @PreDestroy
    void unregister() {
        meters.stream().filter(java.util.Objects::nonNull).forEach(described::remove);
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "webhook backlog")
    void refresh() {
        try {
            var table = new DeliveryTable(dataSource);
            table.counts().forEach((state, count) -> backlog.get(state).set(count));
            disabled.set(table.disabledEndpoints());
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Webhook backlog not read: {0}", e.toString());
        }
    }

    public void attempted(AttemptOutcome outcome) {
        attempts.get(outcome).increment();
    }

    public void gaveUp() {
        failed.increment();
    }

    /** The backlog as last read, for the dashboard. */
    public long backlog(DeliveryState state) {
        return backlog.get(state).get();
    }

    public long disabledEndpoints() {
        return disabled.get();
    }
}
