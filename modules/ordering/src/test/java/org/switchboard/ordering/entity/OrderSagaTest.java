package org.switchboard.ordering.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.ordering.entity.SagaAction.ARRANGE_SHIPMENT;
import static org.switchboard.ordering.entity.SagaAction.AUTHORISE_PAYMENT;
import static org.switchboard.ordering.entity.SagaAction.REFUND_PAYMENT;
import static org.switchboard.ordering.entity.SagaAction.RELEASE_STOCK;
import static org.switchboard.ordering.entity.SagaAction.RESERVE_STOCK;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The saga's definition: each reply moves it once, failures compensate in reverse order, late news changes nothing. */
class OrderSagaTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    static OrderSaga saga() {
        return new OrderSaga(UUID.randomUUID(), UUID.randomUUID(), NOW, TIMEOUT);
    }

    @Test
    void theHappyPathReservesAuthorisesShipsAndConfirms() {
        var saga = saga();
        assertThat(saga.state()).isEqualTo(SagaState.RESERVING_STOCK);
        assertThat(saga.deadline()).isEqualTo(NOW.plus(TIMEOUT));

        assertThat(saga.on(SagaEvent.STOCK_RESERVED, "", NOW, TIMEOUT).actions())
                .containsExactly(AUTHORISE_PAYMENT);
        assertThat(saga.on(SagaEvent.PAYMENT_AUTHORISED, "", NOW, TIMEOUT).actions())
                .containsExactly(ARRANGE_SHIPMENT);
        var last = saga.on(SagaEvent.SHIPMENT_ARRANGED, "", NOW, TIMEOUT);

        assertThat(last.changed()).isTrue();
        assertThat(last.actions()).isEmpty();
        assertThat(saga.state()).isEqualTo(SagaState.CONFIRMED);
        assertThat(saga.deadline()).isNull();
    }

    @Test
    void eachFailureCompensatesTheCompletedStepsInReverseOrder() {
        var noStock = saga();
        assertThat(noStock.on(SagaEvent.STOCK_UNAVAILABLE, "short", NOW, TIMEOUT)
                        .actions())
                .isEmpty();
        assertThat(noStock.state()).isEqualTo(SagaState.CANCELLED);
        assertThat(noStock.reason()).contains("short");

        var declined = saga();
        declined.on(SagaEvent.STOCK_RESERVED, "", NOW, TIMEOUT);
        assertThat(declined.on(SagaEvent.PAYMENT_DECLINED, "limit", NOW, TIMEOUT)
                        .actions())
                .containsExactly(RELEASE_STOCK);

        var notShipped = saga();
        notShipped.on(SagaEvent.STOCK_RESERVED, "", NOW, TIMEOUT);
        notShipped.on(SagaEvent.PAYMENT_AUTHORISED, "", NOW, TIMEOUT);
        assertThat(notShipped
                        .on(SagaEvent.SHIPMENT_FAILED, "carrier", NOW, TIMEOUT)
                        .actions())
                .containsExactly(REFUND_PAYMENT, RELEASE_STOCK);
        assertThat(notShipped.state()).isEqualTo(SagaState.CANCELLED);
    }

    @Test
    void aDuplicateOrLateReplyChangesNothing() {
        var saga = saga();
        saga.on(SagaEvent.STOCK_RESERVED, "", NOW, TIMEOUT);

        var duplicate = saga.on(SagaEvent.STOCK_RESERVED, "", NOW, TIMEOUT);
        var unavailableAfterAll = saga.on(SagaEvent.STOCK_UNAVAILABLE, "late", NOW, TIMEOUT);

        assertThat(duplicate.changed()).isFalse();
        assertThat(unavailableAfterAll.changed()).isFalse();
        assertThat(saga.state()).isEqualTo(SagaState.AUTHORISING_PAYMENT);
    }

    @Test
    void aTimeoutRetriesTheStepThenCancelsWithTheStepsCompensation() {
        var saga = saga();
        saga.on(SagaEvent.STOCK_RESERVED, "", NOW, TIMEOUT);

        var retry = saga.onTimeout(SagaState.AUTHORISING_PAYMENT, 1, 2, NOW.plus(TIMEOUT), TIMEOUT);
        assertThat(retry.actions()).containsExactly(AUTHORISE_PAYMENT);
        assertThat(saga.attempt()).isEqualTo(2);
        assertThat(saga.deadline()).isEqualTo(NOW.plus(TIMEOUT).plus(TIMEOUT));

        var lastTimeout = saga.onTimeout(SagaState.AUTHORISING_PAYMENT, 2, 2, NOW, TIMEOUT);
        assertThat(lastTimeout.actions()).containsExactly(REFUND_PAYMENT, RELEASE_STOCK);
        assertThat(saga.state()).isEqualTo(SagaState.CANCELLED);

        var lateReply = saga.on(SagaEvent.PAYMENT_AUTHORISED, "", NOW, TIMEOUT);
        assertThat(lateReply.changed()).isFalse();
        assertThat(saga.state()).isEqualTo(SagaState.CANCELLED);
    }

    @Test
    void aTimeoutOfAnEarlierAttemptOrStepIsLate() {
        var saga = saga();
        saga.onTimeout(SagaState.RESERVING_STOCK, 1, 3, NOW, TIMEOUT);

        assertThat(saga.onTimeout(SagaState.RESERVING_STOCK, 1, 3, NOW, TIMEOUT).changed())
                .isFalse();
        saga.on(SagaEvent.STOCK_RESERVED, "", NOW, TIMEOUT);
        assertThat(saga.onTimeout(SagaState.RESERVING_STOCK, 2, 3, NOW, TIMEOUT).changed())
                .isFalse();
        assertThat(saga.state()).isEqualTo(SagaState.AUTHORISING_PAYMENT);
    }

    @Test
    void theLastTimeoutOfReservingReleasesWhatALateReservationMightHold() {
        var saga = saga();

        assertThat(saga.onTimeout(SagaState.RESERVING_STOCK, 1, 1, NOW, TIMEOUT).actions())
                .containsExactly(RELEASE_STOCK);
        assertThat(RESERVE_STOCK.forward()).isTrue();
        assertThat(RELEASE_STOCK.forward()).isFalse();
    }
}
