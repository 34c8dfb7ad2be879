package org.switchboard.operations.monitoring.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.operations.broker.entity.Counters;
import org.switchboard.operations.broker.entity.Load;
import org.switchboard.operations.broker.entity.QueueKind;
import org.switchboard.operations.broker.entity.QueueSample;
import org.switchboard.operations.broker.entity.Seen;

class RatesTest {

    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    @Test
    void ratesArePerSecondBetweenTwoSamples() {
        var rates = QueueStatus.Rates.between(sample(T0, 100, 40), sample(T0.plusSeconds(5), 150, 50));

        assertThat(rates.addedPerSecond()).isEqualTo(10.0);
        assertThat(rates.acknowledgedPerSecond()).isEqualTo(2.0);
    }

    @Test
    void theFirstSampleAndCountersThatWentBackHaveNoRate() {
        assertThat(QueueStatus.Rates.between(null, sample(T0, 1, 1))).isEqualTo(new QueueStatus.Rates(0, 0));
        assertThat(QueueStatus.Rates.between(sample(T0, 100, 100), sample(T0.plusSeconds(5), 3, 3)))
                .as("a restarted broker counts from 0")
                .isEqualTo(new QueueStatus.Rates(0, 0));
        assertThat(QueueStatus.Rates.between(sample(T0, 1, 1), sample(T0, 5, 5)))
                .as("no time between")
                .isEqualTo(new QueueStatus.Rates(0, 0));
    }

    private static QueueSample sample(Instant at, long added, long acknowledged) {
        return new QueueSample(
                "jms.queue.marketing.commands",
                "jms.queue.marketing.commands",
                QueueKind.QUEUE,
                null,
                new Load(0, 0, 0, 1, null, false),
                new Counters(added, acknowledged, 0, 0),
                new Seen("embedded", Map.of(), at));
    }
}
