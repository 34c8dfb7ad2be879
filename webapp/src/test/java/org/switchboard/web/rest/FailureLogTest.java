package org.switchboard.web.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureLogTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    final FailureLog log = new FailureLog();

    @Test
    void theFirstFailureOfAKindLogsItsStackTheRepeatsOneLineNamingIt() {
        var first = log.record(outage("connection 1 refused"), T0);
        var second = log.record(outage("connection 2 refused"), T0.plusSeconds(10));

        assertThat(first.withStack()).isTrue();
        assertThat(second.withStack())
                .as("same failure, other message: one line")
                .isFalse();
        assertThat(second.stackLoggedIn()).isEqualTo(first.incident());
        assertThat(second.incident()).isNotEqualTo(first.incident());
    }

    @Test
    void anotherKindOfFailureLogsItsOwnStack() {
        log.record(outage("refused"), T0);

        assertThat(log.record(new IllegalStateException("bug"), T0.plusSeconds(1))
                        .withStack())
                .isTrue();
    }

    @Test
    void theStackIsLoggedAgainOnceTheWindowHasPassed() {
        log.record(outage("refused"), T0);

        assertThat(log.record(outage("refused"), T0.plus(FailureLog.WINDOW).minusSeconds(1))
                        .withStack())
                .isFalse();
        assertThat(log.record(outage("refused"), T0.plus(FailureLog.WINDOW).plusSeconds(1))
                        .withStack())
                .isTrue();
    }

    @Test
    void theOneLineNamesTheFailureAndItsRootCause() {
        assertThat(FailureLog.oneLine(outage("refused")))
                .isEqualTo("java.lang.RuntimeException caused by java.sql.SQLException: refused");
    }

    /** Thrown from one place, as a real outage's failures are. */
    private static RuntimeException outage(String message) {
        return new RuntimeException(new SQLException(message));
    }
}
