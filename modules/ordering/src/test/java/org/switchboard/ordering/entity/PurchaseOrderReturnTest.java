package org.switchboard.ordering.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A confirmed order is returned once; the return ends returned or rejected once, and only for its own return. */
class PurchaseOrderReturnTest {

    static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    static PurchaseOrder confirmed() {
        var order = new PurchaseOrder(
                UUID.randomUUID(), false, List.of(new OrderLine("TEA", 2, 990)), "EUR", UUID.randomUUID(), NOW);
        order.follow(SagaState.CONFIRMED, NOW);
        return order;
    }

    @Test
    void onlyAConfirmedOrderIsReturnableAndOnlyOnce() {
        var pending = new PurchaseOrder(
                UUID.randomUUID(), false, List.of(new OrderLine("TEA", 1, 990)), "EUR", UUID.randomUUID(), NOW);
        assertThat(pending.returnable()).isFalse();
        assertThatThrownBy(() -> pending.requestReturn(UUID.randomUUID(), NOW))
                .isInstanceOf(IllegalStateException.class);

        var order = confirmed();
        var returnId = UUID.randomUUID();
        order.requestReturn(returnId, NOW);

        assertThat(order.state()).isEqualTo(OrderState.RETURN_REQUESTED);
        assertThat(order.returnId()).isEqualTo(returnId);
        assertThat(order.returnable()).isFalse();
    }

    @Test
    void aRefundEndsTheReturnOnceAndALateFailureChangesNothing() {
        var order = confirmed();
        var returnId = UUID.randomUUID();
        order.requestReturn(returnId, NOW);

        assertThat(order.returned(UUID.randomUUID(), NOW)).as("another return").isFalse();
        assertThat(order.returned(returnId, NOW)).isTrue();
        assertThat(order.returned(returnId, NOW)).as("a second time").isFalse();
        assertThat(order.returnRejected(returnId, "late", NOW)).isFalse();
        assertThat(order.state()).isEqualTo(OrderState.RETURNED);
        assertThat(order.returnReason()).isNull();
    }

    @Test
    void aFailedRefundRejectsTheReturnWithItsReason() {
        var order = confirmed();
        var returnId = UUID.randomUUID();
        order.requestReturn(returnId, NOW);

        assertThat(order.returnRejected(returnId, "Refunds on hold", NOW)).isTrue();
        assertThat(order.returned(returnId, NOW)).isFalse();
        assertThat(order.state()).isEqualTo(OrderState.RETURN_REJECTED);
        assertThat(order.returnReason()).isEqualTo("Refunds on hold");
    }
}
