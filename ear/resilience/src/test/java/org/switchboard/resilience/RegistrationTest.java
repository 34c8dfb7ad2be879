package org.switchboard.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.switchboard.resilience.LoadGenerator.Answer;
import org.switchboard.resilience.LoadGenerator.Expectation;
import org.switchboard.resilience.LoadGenerator.Outcome;
import org.switchboard.resilience.LoadGenerator.Registration;

/** What a client may expect of the rows, given what it was answered. */
class RegistrationTest {

    @Test
    void aCreatedRegistrationMustExistOnce() {
        assertEquals(
                Expectation.ONE,
                registration(answer(Outcome.SUCCESS, 201), null).expectation());
    }

    @Test
    void aDefiniteFailureMustLeaveNothing() {
        assertEquals(
                Expectation.NONE,
                registration(answer(Outcome.DEFINITE_FAILURE, 503), null).expectation());
        assertEquals(
                Expectation.NONE,
                registration(answer(Outcome.DEFINITE_FAILURE, 0), null).expectation());
    }

    @Test
    void anUnknownMayHaveHappened() {
        assertEquals(
                Expectation.ZERO_OR_ONE,
                registration(answer(Outcome.UNKNOWN, -1), null).expectation());
        assertEquals(
                Expectation.ZERO_OR_ONE,
                registration(answer(Outcome.UNKNOWN, 500), answer(Outcome.DEFINITE_FAILURE, 503))
                        .expectation());
    }

    @Test
    void aRetryThatSucceedsOrFindsItStoredSettlesAnUnknown() {
        assertEquals(
                Expectation.ONE,
                registration(answer(Outcome.UNKNOWN, -1), answer(Outcome.SUCCESS, 201))
                        .expectation());
        assertEquals(
                Expectation.ONE,
                registration(answer(Outcome.UNKNOWN, 500), answer(Outcome.DEFINITE_FAILURE, 409))
                        .expectation());
    }

    private static Registration registration(Answer first, Answer retry) {
        var r = new Registration("a@resilience.example", "key");
        r.first = first;
        r.retry = retry;
        return r;
    }

    private static Answer answer(Outcome outcome, int status) {
        return new Answer(outcome, status, "", 1);
    }
}
