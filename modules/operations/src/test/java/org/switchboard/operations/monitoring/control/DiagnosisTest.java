package org.switchboard.operations.monitoring.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.operations.monitoring.entity.ComponentHealth;
import org.switchboard.operations.monitoring.entity.DatabaseReading;
import org.switchboard.operations.monitoring.entity.HealthStatus;
import org.switchboard.operations.monitoring.entity.InDoubtTransaction;
import org.switchboard.operations.monitoring.entity.LoggedTransaction;
import org.switchboard.operations.monitoring.entity.LoggedTransaction.Participant;
import org.switchboard.operations.monitoring.entity.PreparedBranch;

class DiagnosisTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration LIMIT = Duration.ofSeconds(60);
    static final DatabaseReading ANSWERS = new DatabaseReading(true, "SELECT 1 answered in 2 ms", List.of());
    static final DatabaseReading SILENT = new DatabaseReading(false, "no answer within 2 s", List.of());

    @Test
    void upWhenTheDatabaseAnswersAndNothingIsInDoubt() {
        var diagnosis = Diagnosis.of(ANSWERS, List.of(), 0, List.of(), NOW, LIMIT);

        assertThat(diagnosis.status()).isEqualTo(HealthStatus.UP);
        assertThat(diagnosis.database().status()).isEqualTo(HealthStatus.UP);
        assertThat(diagnosis.transactions().status()).isEqualTo(HealthStatus.UP);
        assertThat(diagnosis.deadLetters().status()).isEqualTo(HealthStatus.UP);
        assertThat(diagnosis.inDoubt()).isEmpty();
    }

    @Test
    void downWhenTheDatabaseDoesNotAnswerWhateverElseIsWrong() {
        var diagnosis = Diagnosis.of(SILENT, List.of(heuristic("0:ffff:1", 5)), 2, List.of(), NOW, LIMIT);

        assertThat(diagnosis.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(diagnosis.database().status()).isEqualTo(HealthStatus.DOWN);
        assertThat(diagnosis.database().detail()).isEqualTo("no answer within 2 s");
        assertThat(diagnosis.transactions().status()).isEqualTo(HealthStatus.DEGRADED);
    }

    @Test
    void aHeuristicTransactionDegradesAtOnceWithTheWayOutOfAdr0009() {
        var diagnosis = Diagnosis.of(ANSWERS, List.of(heuristic("0:ffff:7f00:1", 1)), 0, List.of(), NOW, LIMIT);

        assertThat(diagnosis.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(diagnosis.transactions().detail()).startsWith("1 heuristic, 0 prepared");
        var transaction = diagnosis.inDoubt().get(0);
        assertThat(transaction.origin()).isEqualTo(InDoubtTransaction.Origin.TRANSACTION_LOG);
        assertThat(transaction.status()).isEqualTo("HEURISTIC");
        assertThat(transaction.since()).isEqualTo(NOW.minusSeconds(1));
        assertThat(transaction.participants())
                .containsExactly("java:/JmsXA: PREPARED", "java:jboss/datasources/SwitchboardDS: HEURISTIC");
        assertThat(transaction.resolution())
                .contains("COMMIT PREPARED")
                .contains("log-store=log-store:probe")
                .contains("transactions=0:ffff:7f00:1:delete");
    }

    @Test
    void aTransactionAtWorkIsNoProblemUntilItOutlivesTheLimit() {
        var young = new LoggedTransaction("young", NOW.minusSeconds(59), List.of(prepared()));
        var old = new LoggedTransaction("old", NOW.minusSeconds(60), List.of(prepared()));

        assertThat(Diagnosis.of(ANSWERS, List.of(young), 0, List.of(), NOW, LIMIT)
                        .status())
                .isEqualTo(HealthStatus.UP);
        var diagnosis = Diagnosis.of(ANSWERS, List.of(young, old), 0, List.of(), NOW, LIMIT);
        assertThat(diagnosis.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(diagnosis.inDoubt()).extracting(InDoubtTransaction::id).containsExactly("old");
        assertThat(diagnosis.inDoubt().get(0).status()).isEqualTo("PREPARED");
        assertThat(diagnosis.inDoubt().get(0).resolution()).contains("recovery");
    }

    @Test
    void aBranchPostgresqlHoldsPreparedTooLongDegradesWithItsGid() {
        var branch = new PreparedBranch("131077_AAA_BBB", NOW.minusSeconds(300), "switchboard", "switchboard");
        var fresh = new PreparedBranch("131077_CCC_DDD", NOW.minusSeconds(3), "switchboard", "switchboard");
        var reading = new DatabaseReading(true, "SELECT 1 answered in 2 ms", List.of(branch, fresh));

        var diagnosis = Diagnosis.of(reading, List.of(), 0, List.of(), NOW, LIMIT);

        assertThat(diagnosis.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(diagnosis.inDoubt()).singleElement().satisfies(t -> {
            assertThat(t.origin()).isEqualTo(InDoubtTransaction.Origin.POSTGRESQL);
            assertThat(t.id()).isEqualTo("131077_AAA_BBB");
            assertThat(t.since()).isEqualTo(NOW.minusSeconds(300));
            assertThat(t.resolution()).contains("COMMIT PREPARED '131077_AAA_BBB'");
        });
    }

    @Test
    void heuristicOnesComeFirstThenTheOldest() {
        var old = new LoggedTransaction("old", NOW.minusSeconds(600), List.of(prepared()));
        var branch = new PreparedBranch("gid", NOW.minusSeconds(900), "switchboard", "switchboard");
        var reading = new DatabaseReading(true, "ok", List.of(branch));

        var diagnosis = Diagnosis.of(reading, List.of(old, heuristic("h", 1)), 0, List.of(), NOW, LIMIT);

        assertThat(diagnosis.inDoubt()).extracting(InDoubtTransaction::id).containsExactly("h", "gid", "old");
    }

    @Test
    void deadLettersDegradeAsBefore() {
        var diagnosis = Diagnosis.of(ANSWERS, List.of(), 1, List.of(), NOW, LIMIT);

        assertThat(diagnosis.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(diagnosis.deadLetters().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(diagnosis.transactions().status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void aPausedQueueDegradesAndIsNamed() {
        var diagnosis = Diagnosis.of(ANSWERS, List.of(), 0, List.of("marketing.commands"), NOW, LIMIT);

        assertThat(diagnosis.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(diagnosis.queues().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(diagnosis.queues().detail()).contains("1 queue(s) paused").contains("marketing.commands");
        assertThat(Diagnosis.of(ANSWERS, List.of(), 0, List.of(), NOW, LIMIT).queues())
                .isEqualTo(new ComponentHealth(HealthStatus.UP, "no queue paused"));
    }

    @Test
    void anUnreadableLogIsNotCalledHealthy() {
        var diagnosis = Diagnosis.of(ANSWERS, null, 0, List.of(), NOW, LIMIT);

        assertThat(diagnosis.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(diagnosis.transactions().detail()).contains("could not be read");
    }

    @Test
    void theWorseStatusWins() {
        assertThat(HealthStatus.UP.and(HealthStatus.DEGRADED)).isEqualTo(HealthStatus.DEGRADED);
        assertThat(HealthStatus.DOWN.and(HealthStatus.DEGRADED)).isEqualTo(HealthStatus.DOWN);
        assertThat(HealthStatus.UP.and(HealthStatus.UP)).isEqualTo(HealthStatus.UP);
    }

    private static LoggedTransaction heuristic(String id, long ageSeconds) {
        return new LoggedTransaction(
                id,
                NOW.minusSeconds(ageSeconds),
                List.of(prepared(), new Participant("java:jboss/datasources/SwitchboardDS", "HEURISTIC")));
    }

    private static Participant prepared() {
        return new Participant("java:/JmsXA", "PREPARED");
    }
}
