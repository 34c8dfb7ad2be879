package org.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransientRetriesTest {

    @Test
    void deferralsGrowAndAreCappedAndTheBudgetRunsFromTheFirstFailure() {
        var policy = new TransientRetries.Policy(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(30));
        assertThat(policy.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(policy.delay(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delay(200)).isEqualTo(Duration.ofSeconds(60));

        var since = Instant.parse("2026-11-30T10:00:00Z");
        assertThat(policy.exhausted(since, since.plus(Duration.ofMinutes(29)))).isFalse();
        assertThat(policy.exhausted(since, since.plus(Duration.ofMinutes(31)))).isTrue();
    }
}
