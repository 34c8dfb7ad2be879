package org.switchboard.ordering.entity;

/** A command the saga sends. The forward ones come with a timeout; the compensations are fire-and-forget (idempotent, retried by the broker, dead-lettered and alerted if they keep failing). */
public enum SagaAction {
    RESERVE_STOCK(true),
    AUTHORISE_PAYMENT(true),
    ARRANGE_SHIPMENT(true),
    RELEASE_STOCK(false),
    REFUND_PAYMENT(false);

    private final boolean forward;

    SagaAction(boolean forward) {
        this.forward = forward;
    }

    /** A step's command, which the saga waits for with a timeout. */
    public boolean forward() {
        return forward;
    }
}
