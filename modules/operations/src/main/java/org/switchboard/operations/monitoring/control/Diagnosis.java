package org.switchboard.operations.monitoring.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.switchboard.operations.monitoring.entity.ComponentHealth;
import org.switchboard.operations.monitoring.entity.DatabaseReading;
import org.switchboard.operations.monitoring.entity.HealthStatus;
import org.switchboard.operations.monitoring.entity.InDoubtTransaction;
import org.switchboard.operations.monitoring.entity.InDoubtTransaction.Origin;
import org.switchboard.operations.monitoring.entity.LoggedTransaction;
import org.switchboard.operations.monitoring.entity.PreparedBranch;

/**
 * Health from what was read: DOWN while the database does not answer; DEGRADED while a transaction
 * is heuristic or has been prepared longer than {@code limit} (in Narayana's log or in PostgreSQL),
 * while a dead-letter queue holds messages, or while a queue is paused (its messages wait whatever
 * its consumers could do); UP otherwise. A transaction younger than the limit is
 * a transaction at work, not a problem: the log and PostgreSQL hold every transaction briefly
 * between its prepare and its commit, and recovery needs a pass or two after an outage.
 *
 * @param inDoubt the transactions that make it DEGRADED, heuristic ones first, each with its way out
 */
public record Diagnosis(
        HealthStatus status,
        ComponentHealth database,
        ComponentHealth transactions,
        ComponentHealth deadLetters,
        ComponentHealth queues,
        List<InDoubtTransaction> inDoubt) {

    /**
     * @param log Narayana's log, or null when it could not be read
     * @param deadLetterQueues dead-letter queues that hold messages (open dead-letter incidents)
     * @param pausedQueues the queues the broker holds paused, by their JMS names
     */
    public static Diagnosis of(
            DatabaseReading database,
            List<LoggedTransaction> log,
            long deadLetterQueues,
            List<String> pausedQueues,
            Instant now,
            Duration limit) {
        var oldest = now.minus(limit);
        var inDoubt = new ArrayList<InDoubtTransaction>();
        if (log != null) {
            log.stream()
                    .filter(t -> t.heuristic() || !t.since().isAfter(oldest))
                    .map(Diagnosis::logged)
                    .forEach(inDoubt::add);
        }
        database.prepared().stream()
                .filter(b -> !b.prepared().isAfter(oldest))
                .map(Diagnosis::prepared)
                .forEach(inDoubt::add);
        inDoubt.sort(Comparator.comparing((InDoubtTransaction t) -> !t.heuristic())
                .thenComparing(InDoubtTransaction::since));

        var db = database.answered()
                ? new ComponentHealth(HealthStatus.UP, database.detail())
                : new ComponentHealth(HealthStatus.DOWN, database.detail());
        var transactions = transactions(log, inDoubt, limit);
        var deadLetters = deadLetterQueues == 0
                ? new ComponentHealth(HealthStatus.UP, "no dead letters")
                : new ComponentHealth(HealthStatus.DEGRADED, deadLetterQueues + " dead-letter queue(s) hold messages");
        var queues = pausedQueues.isEmpty()
                ? new ComponentHealth(HealthStatus.UP, "no queue paused")
                : new ComponentHealth(
                        HealthStatus.DEGRADED,
                        pausedQueues.size() + " queue(s) paused, their messages waiting until resumed: "
                                + String.join(", ", pausedQueues));
        var status =
                db.status().and(transactions.status()).and(deadLetters.status()).and(queues.status());
        return new Diagnosis(status, db, transactions, deadLetters, queues, List.copyOf(inDoubt));
    }

    private static ComponentHealth transactions(
            List<LoggedTransaction> log, List<InDoubtTransaction> inDoubt, Duration limit) {
        var heuristic = inDoubt.stream().filter(InDoubtTransaction::heuristic).count();
        var waiting = inDoubt.size() - heuristic;
        if (heuristic > 0 || waiting > 0) {
            return new ComponentHealth(
                    HealthStatus.DEGRADED,
                    heuristic + " heuristic, " + waiting + " prepared for more than " + limit.toSeconds()
                            + " s; see the operations dashboard for the way out");
        }
        if (log == null) {
            return new ComponentHealth(HealthStatus.DEGRADED, "the transaction log could not be read");
        }
        return new ComponentHealth(HealthStatus.UP, "no transaction in doubt");
    }

    private static InDoubtTransaction logged(LoggedTransaction t) {
        var participants = t.participants().stream()
                .map(p -> p.resource() + ": " + p.status())
                .toList();
        if (t.heuristic()) {
            return new InDoubtTransaction(
                    Origin.TRANSACTION_LOG,
                    t.id(),
                    t.since(),
                    "HEURISTIC",
                    participants,
                    "Recovery will not finish it. The coordinator decided commit: run COMMIT PREPARED '<gid>' in"
                            + " psql for each of its PostgreSQL branches still prepared (listed here), then"
                            + " /subsystem=transactions/log-store=log-store:probe and"
                            + " /subsystem=transactions/log-store=log-store/transactions=" + t.id()
                            + ":delete in jboss-cli (ADR 0009).");
        }
        var status = t.participants().stream()
                .map(LoggedTransaction.Participant::status)
                .filter(s -> !"READONLY".equals(s))
                .findFirst()
                .orElse("PENDING");
        return new InDoubtTransaction(
                Origin.TRANSACTION_LOG,
                t.id(),
                t.since(),
                status,
                participants,
                "Periodic recovery retries it on every pass (com.arjuna.ats.arjuna.recovery.periodicRecoveryPeriod)"
                        + " once its resources answer, and finishes it when the broker no longer holds its"
                        + " branches (ADR 0017); nothing to do while the database and the broker are up. If it"
                        + " stays, look for ARJUNA warnings about it in server.log.");
    }

    private static InDoubtTransaction prepared(PreparedBranch b) {
        return new InDoubtTransaction(
                Origin.POSTGRESQL,
                b.gid(),
                b.prepared(),
                "PREPARED",
                List.of("owner " + b.owner(), "database " + b.database()),
                "It holds its row locks until it ends. If Narayana's log lists its transaction as heuristic,"
                        + " the decision was commit: COMMIT PREPARED '" + b.gid() + "' in psql, then delete the"
                        + " log entry. If the log does not list it, recovery rolls it back on its next pass;"
                        + " wait for one (two minutes) before ROLLBACK PREPARED '" + b.gid() + "' by hand.");
    }
}
