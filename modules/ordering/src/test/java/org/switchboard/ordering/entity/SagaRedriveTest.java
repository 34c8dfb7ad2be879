package org.switchboard.ordering.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.ordering.entity.OrderSagaTest.NOW;
import static org.switchboard.ordering.entity.OrderSagaTest.TIMEOUT;
import static org.switchboard.ordering.entity.OrderSagaTest.saga;

import org.junit.jupiter.api.Test;

/**
 * An operator's approved re-drive: a resend is a new attempt of the pending step whose old timeout
 * and duplicate replies change nothing; a forced compensation cancels as a last timeout would; a
 * saga that ended meanwhile is left as it is.
 */
class SagaRedriveTest {

    static OrderSaga arrangingShipment() {
        var saga = saga();
        saga.on(SagaEvent.STOCK_RESERVED, "", NOW, TIMEOUT);
        saga.on(SagaEvent.PAYMENT_AUTHORISED, "", NOW, TIMEOUT);
        return saga;
    }

    @Test
    void aResendSendsThePendingCommandAgainAsANewAttemptWithANewDeadline() {
        var saga = arrangingShipment();
        var later = NOW.plusSeconds(60);

        var resend = saga.redrive(SagaRedrive.RESEND_PENDING, "by ops", later, TIMEOUT);

        assertThat(resend.changed()).isTrue();
        assertThat(resend.actions()).containsExactly(SagaAction.ARRANGE_SHIPMENT);
        assertThat(resend.note()).contains("by ops").contains("attempt 2");
        assertThat(saga.state()).isEqualTo(SagaState.ARRANGING_SHIPMENT);
        assertThat(saga.attempt()).isEqualTo(2);
        assertThat(saga.deadline()).isEqualTo(later.plus(TIMEOUT));
    }

    @Test
    void afterAResendTheOldTimeoutIsLateAndTheReplyCountsOnce() {
        var saga = arrangingShipment();
        saga.redrive(SagaRedrive.RESEND_PENDING, "by ops", NOW, TIMEOUT);

        assertThat(saga.onTimeout(SagaState.ARRANGING_SHIPMENT, 1, 2, NOW, TIMEOUT)
                        .changed())
                .as("the first attempt's timeout")
                .isFalse();
        assertThat(saga.on(SagaEvent.SHIPMENT_ARRANGED, "", NOW, TIMEOUT).changed())
                .isTrue();
        assertThat(saga.on(SagaEvent.SHIPMENT_ARRANGED, "", NOW, TIMEOUT).changed())
                .as("the original command's late reply")
                .isFalse();
        assertThat(saga.state()).isEqualTo(SagaState.CONFIRMED);
    }

    @Test
    void aForcedCompensationCancelsWithTheOperatorAsReasonAndUndoesInReverseOrder() {
        var saga = arrangingShipment();

        var forced = saga.redrive(SagaRedrive.FORCE_COMPENSATION, "request 1 by alice", NOW, TIMEOUT);

        assertThat(forced.actions()).containsExactly(SagaAction.REFUND_PAYMENT, SagaAction.RELEASE_STOCK);
        assertThat(saga.state()).isEqualTo(SagaState.CANCELLED);
        assertThat(saga.reason()).startsWith("Operator: ").contains("request 1 by alice");
        assertThat(saga.deadline()).isNull();
    }

    @Test
    void aSagaThatEndedMeanwhileIsLeftAsItIs() {
        var confirmed = arrangingShipment();
        confirmed.on(SagaEvent.SHIPMENT_ARRANGED, "", NOW, TIMEOUT);
        var cancelled = saga();
        cancelled.on(SagaEvent.STOCK_UNAVAILABLE, "none", NOW, TIMEOUT);

        for (var redrive : SagaRedrive.values()) {
            var onConfirmed = confirmed.redrive(redrive, "too late", NOW, TIMEOUT);
            var onCancelled = cancelled.redrive(redrive, "too late", NOW, TIMEOUT);

            assertThat(onConfirmed.changed()).isFalse();
            assertThat(onConfirmed.actions()).isEmpty();
            assertThat(onConfirmed.note()).contains("CONFIRMED").contains("changes nothing");
            assertThat(onCancelled.changed()).isFalse();
        }
        assertThat(confirmed.state()).isEqualTo(SagaState.CONFIRMED);
        assertThat(cancelled.state()).isEqualTo(SagaState.CANCELLED);
        assertThat(cancelled.reason()).startsWith("Stock unavailable");
    }

    @Test
    void aTimeoutNeverMovesASagaThatEnded() {
        var confirmed = arrangingShipment();
        confirmed.on(SagaEvent.SHIPMENT_ARRANGED, "", NOW, TIMEOUT);

        assertThat(confirmed.onTimeout(SagaState.CONFIRMED, 1, 2, NOW, TIMEOUT).changed())
                .isFalse();
        assertThat(confirmed.pendingCommand()).isEmpty();
        assertThat(arrangingShipment().pendingCommand()).contains(SagaAction.ARRANGE_SHIPMENT);
    }
}
