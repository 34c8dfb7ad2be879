package org.switchboard.messaging.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DescribedMetersTest {

    /** Shaped as WildFly 39.0.1's ApplicationRegistry: the server's registry and the deployment in private fields. */
    static final class ApplicationLike extends SimpleMeterRegistry {
        @SuppressWarnings("unused")
        private final MeterRegistry parentRegistry;

        @SuppressWarnings("unused")
        private final String deploymentName = "switchboard.ear";

        ApplicationLike(MeterRegistry parent) {
            this.parentRegistry = parent;
        }
    }

    final AtomicLong state = new AtomicLong(3);

    @Test
    void aGaugeReachesTheServersRegistryWithItsDescriptionAndDeployment() {
        var server = new SimpleMeterRegistry();
        var gauges = new DescribedMeters(new ApplicationLike(server));

        var meter = gauges.gauge("switchboard.x", "What x is", Tags.of("queue", "q"), state, AtomicLong::doubleValue);

        assertThat(gauges.describes()).isTrue();
        var found = server.find("switchboard.x")
                .tags("queue", "q", "WF_DEPLOYMENT", "switchboard.ear")
                .gauge();
        assertThat(found).isNotNull();
        assertThat(found.getId().getDescription()).isEqualTo("What x is");
        assertThat(found.value()).isEqualTo(3.0);

        gauges.remove(meter);
        assertThat(server.find("switchboard.x").gauge()).isNull();
    }

    @Test
    void aCounterReachesTheServersRegistryWithItsDescriptionAndDeployment() {
        var server = new SimpleMeterRegistry();
        var meters = new DescribedMeters(new ApplicationLike(server));

        meters.counter("switchboard.y", "What y counts", Tags.of("reason", "r")).increment();
        meters.counter("switchboard.y", "What y counts", Tags.of("reason", "r")).increment();

        var found = server.find("switchboard.y")
                .tags("reason", "r", "WF_DEPLOYMENT", "switchboard.ear")
                .counter();
        assertThat(found).isNotNull();
        assertThat(found.getId().getDescription()).isEqualTo("What y counts");
        assertThat(found.count()).isEqualTo(2.0);
    }

    @Test
    void anotherRegistryGetsTheGaugeWithoutItsDescription() {
        var plain = new SimpleMeterRegistry();
        var gauges = new DescribedMeters(plain);

        var meter = gauges.gauge("switchboard.x", "What x is", Tags.empty(), state, AtomicLong::doubleValue);

        assertThat(gauges.describes()).isFalse();
        assertThat(plain.find("switchboard.x").gauge()).isSameAs(meter);
    }
}
