package org.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransienceTest {

    @Test
    void anUnreachableOrRestartingDatabaseIsTransientWhereverItSitsInTheCauseChain() {
        assertThat(Transience.isTransient(new PersistenceException(new SQLTransientConnectionException("refused"))))
                .isTrue();
        assertThat(Transience.isTransient(wrapped(new SQLException("terminating connection", "57P01"))))
                .as("admin shutdown (pg_ctl stop -m fast)")
                .isTrue();
        assertThat(Transience.isTransient(wrapped(new SQLException("I/O error", "08006"))))
                .isTrue();
        assertThat(Transience.isTransient(wrapped(new SQLException("too many connections", "53300"))))
                .isTrue();
        assertThat(Transience.isTransient(wrapped(new jakarta.resource.ResourceException("no managed connection"))))
                .isTrue();
    }

    @Test
    void businessAndProgrammingFailuresAreNot() {
        assertThat(Transience.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(Transience.isTransient(wrapped(new SQLIntegrityConstraintViolationException("dup", "23505"))))
                .isFalse();
        assertThat(Transience.isTransient(wrapped(new SQLException("syntax", "42601"))))
                .isFalse();
        assertThat(Transience.isTransient(wrapped(new SQLException("no state"))))
                .isFalse();
        assertThat(Transience.isTransient(
                        new UnreadableMessageException(UnreadableMessageException.Reason.MALFORMED_JSON, "x")))
                .isFalse();
    }

    @Test
    void aCauseCycleEnds() {
        var a = new RuntimeException("a");
        var b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(Transience.isTransient(a)).isFalse();
    }

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

    private static RuntimeException wrapped(Exception cause) {
        return new RuntimeException("wrapped", new PersistenceException("jpa", cause));
    }
}
