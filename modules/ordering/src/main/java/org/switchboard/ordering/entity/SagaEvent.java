package org.switchboard.ordering.entity;

/** A participant's reply, in the saga's own terms. */
public enum SagaEvent {
    STOCK_RESERVED(SagaState.RESERVING_STOCK),
    STOCK_UNAVAILABLE(SagaState.RESERVING_STOCK),
    PAYMENT_AUTHORISED(SagaState.AUTHORISING_PAYMENT),
    PAYMENT_DECLINED(SagaState.AUTHORISING_PAYMENT),
    SHIPMENT_ARRANGED(SagaState.ARRANGING_SHIPMENT),
    SHIPMENT_FAILED(SagaState.ARRANGING_SHIPMENT);

    private final SagaState answers;

    SagaEvent(SagaState answers) {
        this.answers = answers;
    }

    /** The step this reply answers; in any other state it is late or a duplicate. */
    public SagaState answers() {
        return answers;
    }
}
