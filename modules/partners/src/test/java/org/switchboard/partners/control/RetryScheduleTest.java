package org.switchboard.partners.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofMinutes(5), 6);

    @Test
    void theCeilingDoublesFromTheBaseUpToTheMaximum() {
        assertThat(schedule.ceiling(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.ceiling(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(schedule.ceiling(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(schedule.ceiling(6)).isEqualTo(Duration.ofMinutes(5));
        assertThat(schedule.ceiling(1000)).as("no overflow").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void eachWaitLiesBetweenHalfTheCeilingAndTheCeilingAndTheyDiffer() {
        var random = new Random(7);
        var waits = new HashSet<Duration>();
        for (int i = 0; i < 200; i++) {
            var wait = schedule.after(3, random).orElseThrow();
            assertThat(wait).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
            waits.add(wait);
        }
        assertThat(waits).as("jitter spreads deliveries that failed together").hasSizeGreaterThan(100);
    }

    @Test
    void afterTheLastAttemptThereIsNoNextOne() {
        var random = new Random(1);

        assertThat(schedule.after(5, random)).isPresent();
        assertThat(schedule.after(6, random)).isEmpty();
        assertThat(schedule.after(7, random)).isEmpty();
    }

    @Test
    void aScheduleWithoutAnAttemptOrWithAMaximumBelowItsBaseIsRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(5), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(10), Duration.ofSeconds(5), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
