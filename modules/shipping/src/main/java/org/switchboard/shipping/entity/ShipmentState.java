package org.switchboard.shipping.entity;

/** Whether a saga's shipment was arranged. */
public enum ShipmentState {
    ARRANGED,
    FAILED
}
