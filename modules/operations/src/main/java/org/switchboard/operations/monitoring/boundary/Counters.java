package org.switchboard.operations.monitoring.boundary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.messaging.metrics.DescribedMeters;

/**
 * Counters of things that happen outside the contexts (the webapp counts failed logins here), in
 * the same registry as {@link QueueMetrics}' gauges and, like them, with their description as the
 * {@code # HELP} line ({@link DescribedMeters}). No role: what is counted is often a request
 * nobody has logged in for. The counters go when the application stops, like the gauges.
 */
@ApplicationScoped
public class Counters {

    @Inject
    MeterRegistry registry;

    private DescribedMeters meters;
    private final Map<Meter.Id, Counter> registered = new ConcurrentHashMap<>();

    @PostConstruct
    void register() {
        meters = new DescribedMeters(registry);
    }

    /** Adds one to counter {@code name} with these tags (key, value, ...), made on first use. */
    public void increment(String name, String description, String... tags) {
        var counter = meters.counter(name, description, Tags.of(tags));
        registered.putIfAbsent(counter.getId(), counter);
        counter.increment();
    }

    @PreDestroy
    void unregister() {
        registered.values().forEach(meters::remove);
        registered.clear();
    }
}
