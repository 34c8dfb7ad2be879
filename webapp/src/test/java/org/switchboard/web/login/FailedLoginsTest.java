package org.switchboard.web.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedLoginsTest {

    private final FailedLogins logins = new FailedLogins(3, Duration.ofMinutes(5));
    private final Instant start = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void anAddressIsThrottledAfterItsLimitAndOnlyThatAddress() {
        for (var i = 0; i < 3; i++) {
            assertThat(logins.waitFor("10.0.0.1", start.plusSeconds(i))).isZero();
            logins.failed("10.0.0.1", start.plusSeconds(i));
        }
        assertThat(logins.waitFor("10.0.0.1", start.plusSeconds(10))).isPositive();
        assertThat(logins.waitFor("10.0.0.2", start.plusSeconds(10))).isZero();
    }

    @Test
    void theWindowSlides() {
        logins.failed("10.0.0.1", start);
        logins.failed("10.0.0.1", start.plusSeconds(60));
        logins.failed("10.0.0.1", start.plusSeconds(120));
        // Throttled until the first failure leaves the window, five minutes after it.
        assertThat(logins.waitFor("10.0.0.1", start.plusSeconds(200))).isEqualTo(Duration.ofSeconds(100));
        assertThat(logins.waitFor("10.0.0.1", start.plusSeconds(301))).isZero();
        assertThat(logins.failed("10.0.0.1", start.plusSeconds(301))).isEqualTo(3);
    }
}
