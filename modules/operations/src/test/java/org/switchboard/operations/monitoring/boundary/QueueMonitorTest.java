package org.switchboard.operations.monitoring.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.switchboard.operations.broker.control.BrokerQueues;
import org.switchboard.operations.broker.entity.QueueSample;

class QueueMonitorTest {

    /**
     * A broker failing over answers nothing for a few seconds ("Broker is not started"): the timer
     * tick must end quietly and the next tick sample again, not fail the EJB timer on every tick.
     */
    @Test
    void aTickWhileTheBrokerCannotBeReadEndsQuietlyAndTheNextOneSamples() {
        var broker = new FlakyBroker();
        var fired = new ArrayList<QueueMonitor.QueuesSampled>();
        var monitor = new QueueMonitor();
        monitor.broker = broker;
        monitor.sampled = new Recording(fired);

        broker.down = true;
        assertThatCode(monitor::sample).doesNotThrowAnyException();
        assertThat(fired).as("nothing announced without a reading").isEmpty();

        broker.down = false;
        monitor.sample();
        assertThat(fired).hasSize(1);
    }

    private static final class FlakyBroker extends BrokerQueues {
        boolean down;

        @Override
        public List<QueueSample> survey() {
            if (down) {
                throw new IllegalStateException("Broker is not started. It can not be managed yet");
            }
            return List.of();
        }
    }

    private record Recording(List<QueueMonitor.QueuesSampled> fired) implements Event<QueueMonitor.QueuesSampled> {
        @Override
        public void fire(QueueMonitor.QueuesSampled event) {
            fired.add(event);
        }

        @Override
        public <U extends QueueMonitor.QueuesSampled> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends QueueMonitor.QueuesSampled> CompletionStage<U> fireAsync(
                U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<QueueMonitor.QueuesSampled> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends QueueMonitor.QueuesSampled> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends QueueMonitor.QueuesSampled> Event<U> select(
                TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
