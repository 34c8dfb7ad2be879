package org.switchboard.messaging.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToDoubleFunction;

/**
 * Registers gauges and counters with their description, which Prometheus text shows as the
 * {@code # HELP} line. WildFly 39.0.1 hands a deployment an {@code ApplicationRegistry}: its
 * {@code gauge(name, tags, ...)} and {@code counter(name, tags)} forward to the server's registry
 * without a description, and a meter built with {@code Gauge.builder(...)} or
 * {@code Counter.builder(...)} and registered on it stays in a registry of its own that {@code /prometheus} never shows. A description
 * can only travel through the server's registry itself, which the application registry keeps in a
 * private field and whose meters it tags with the deployment ({@code WF_DEPLOYMENT}); this reaches
 * that registry and tags the same way. When it cannot (another WildFly), meters are registered as
 * before, without a description, and one warning says so.
 */
public final class DescribedMeters {

    private static final System.Logger LOG = System.getLogger(DescribedMeters.class.getName());

    /** What WildFly's application registry calls its fields and its deployment tag. */
    static final String PARENT = "parentRegistry";

    static final String DEPLOYMENT = "deploymentName";
    static final String DEPLOYMENT_TAG = "WF_DEPLOYMENT";

    private final MeterRegistry given;
    private final MeterRegistry exported;
    private final Tags deployment;

    public DescribedMeters(MeterRegistry given) {
        this.given = given;
        MeterRegistry parent = null;
        var tags = Tags.empty();
        try {
            parent = (MeterRegistry) field(given, PARENT);
            tags = Tags.of(DEPLOYMENT_TAG, (String) field(given, DEPLOYMENT));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Metrics without descriptions: the server's registry is not reachable from {0} ({1})",
                    given.getClass().getName(),
                    e.toString());
            parent = null;
        }
        this.exported = parent;
        this.deployment = tags;
    }

    /** Whether meters carry their description to the exported registry. */
    public boolean describes() {
        return exported != null;
    }

    /** A gauge of {@code state}, which the caller keeps alive (registries hold it weakly). */
    public <T> Meter gauge(String name, String description, Tags tags, T state, ToDoubleFunction<T> value) {
        if (exported == null) {
            given.gauge(name, tags, state, value);
            return given.find(name).tags(tags).gauge();
        }
        return Gauge.builder(name, state, value)
                .description(description)
                .tags(tags.and(deployment))
                .register(exported);
    }

    /** A counter, or the one registered before under the same name and tags. */
    public Counter counter(String name, String description, Tags tags) {
        if (exported == null) {
            return given.counter(name, tags);
        }
        return Counter.builder(name)
                .description(description)
                .tags(tags.and(deployment))
                .register(exported);
    }

    public void remove(Meter meter) {
        if (meter != null) {
            (exported != null ? exported : given).remove(meter);
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                var field = type.getDeclaredField(name);
                field.setAccessible(true);
                var value = field.get(owner);
                if (value == null) {
                    throw new NoSuchFieldException(name + " is null");
                }
                return value;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
