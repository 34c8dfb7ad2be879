package org.switchboard.ordering.entity;

/** Where an order saga stands: a step waiting for its participant's reply, or the end. */
public enum SagaState {
    RESERVING_STOCK,
    AUTHORISING_PAYMENT,
    ARRANGING_SHIPMENT,
    /** Every step succeeded. */
    CONFIRMED,
    /** A step failed or timed out; the completed steps' compensations were sent with this state. */
    CANCELLED;

    public boolean ended() {
        return this == CONFIRMED || this == CANCELLED;
    }
}
