package org.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransienceTest {

    /** What pgjdbc throws: a plain SQLException subclass whose SQLState says what happened. */
    static final class DriverException extends SQLException {
        DriverException(String state) {
            super("driver says " + state, state);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "08003", "57P01", "57P02", "57P03", "53300", "53200"})
    void theDatabaseGoneOrFullIsTransient(String state) {
        var chain = new EJBException(new PersistenceException("could not execute", new DriverException(state)));
        assertThat(Transience.isTransient(chain)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23502", "42P01", "40001", "22001"})
    void businessAndProgrammingErrorsAreNot(String state) {
        var chain = new EJBException(new PersistenceException("could not execute", new DriverException(state)));
        assertThat(Transience.isTransient(chain)).isFalse();
    }

    @Test
    void aPartnerThatCannotAnswerNowIsTransientWhereverItIsInTheChain() {
        var chain = new EJBException(new DependencyUnavailableException("payment provider: circuit open"));
        assertThat(Transience.isTransient(chain)).isTrue();
    }

    @Test
    void connectionExceptionTypesAreTransientWhateverTheirState() {
        assertThat(Transience.isTransient(new RuntimeException(new SQLTransientConnectionException("timeout"))))
                .isTrue();
        assertThat(Transience.isTransient(new java.sql.SQLRecoverableException("lost")))
                .isTrue();
        assertThat(Transience.isTransient(new java.sql.SQLNonTransientConnectionException("refused")))
                .isTrue();
    }

    @Test
    void aPoolThatCannotHandOutAConnectionIsTransient() {
        var pool = new SQLException(
                "IJ031011", (String) null, new ResourceException("IJ000453: Unable to get managed connection"));
        assertThat(Transience.isTransient(new PersistenceException(pool))).isTrue();
    }

    @Test
    void aResourceManagerFailureAtCommitIsTransientButARollbackIsNot() {
        assertThat(Transience.isTransient(new RuntimeException(new XAException(XAException.XAER_RMFAIL))))
                .isTrue();
        assertThat(Transience.isTransient(new RuntimeException(new XAException(XAException.XA_RBROLLBACK))))
                .isFalse();
    }

    @Test
    void chainedAndSuppressedExceptionsCount() {
        var first = new SQLException("batch failed", "22000");
        first.setNextException(new DriverException("57P01"));
        assertThat(Transience.isTransient(first)).isTrue();

        var failure = new IllegalStateException("rollback failed");
        failure.addSuppressed(new DriverException("08006"));
        assertThat(Transience.isTransient(failure)).isTrue();
    }

    @Test
    void otherFailuresAndCyclesAreNot() {
        var a = new RuntimeException("a");
        var b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(Transience.isTransient(a)).isFalse();
        assertThat(Transience.isTransient(new SQLIntegrityConstraintViolationException("dup", "23505")))
                .isFalse();
        assertThat(Transience.isTransient(new SQLException("no state"))).isFalse();
        assertThat(Transience.isTransient(null)).isFalse();
    }

    @Test
    void theRootCauseIsTheInnermostAndACauseCycleEnds() {
        var inner = new java.sql.SQLException("refused", "08001");
        assertThat(Transience.rootCause(new RuntimeException(new IllegalStateException(inner))))
                .isSameAs(inner);
        var a = new RuntimeException("a");
        var b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(Transience.rootCause(a)).isIn(a, b);
    }

    @Test
    void aHeuristicMixedCommitHasAnUnknownOutcome() {
        var commit = new EJBException(new RuntimeException(new jakarta.transaction.HeuristicMixedException()));
        assertThat(Transience.isOutcomeUnknown(commit)).isTrue();
        var suppressed = new jakarta.transaction.RollbackException("ARJUNA016053");
        suppressed.addSuppressed(new XAException(XAException.XA_HEURHAZ));
        assertThat(Transience.isOutcomeUnknown(suppressed)).isTrue();
    }

    @Test
    void aFailureBeforeTheCommitHasAKnownOutcome() {
        assertThat(Transience.isOutcomeUnknown(new PersistenceException(new SQLException("refused", "08001"))))
                .isFalse();
        assertThat(Transience.isOutcomeUnknown(new jakarta.transaction.RollbackException("marked rollback-only")))
                .isFalse();
        assertThat(Transience.isOutcomeUnknown(new XAException(XAException.XAER_RMFAIL)))
                .isFalse();
    }
}
