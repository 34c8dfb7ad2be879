package org.switchboard.ordering.boundary;

import jakarta.ejb.ApplicationException;
import java.util.UUID;

/** The order cannot be returned in its state: not confirmed, or its return was already requested. */
@ApplicationException(rollback = true)
public class ReturnRefused extends RuntimeException {

    private final UUID orderId;
    private final String state;
    private final UUID returnId;

    public ReturnRefused(UUID orderId, String state, UUID returnId) {
        super(
                returnId == null
                        ? "Order " + orderId + " is " + state + "; only a confirmed order can be returned"
                        : "The return of order " + orderId + " was already requested (return " + returnId + ", " + state
                                + ")");
        this.orderId = orderId;
        this.state = state;
        this.returnId = returnId;
    }

    public UUID orderId() {
        return orderId;
    }

    /** The order's state, e.g. PENDING, or RETURN_REQUESTED when a return came first. */
    public String state() {
        return state;
    }

    /** The return already requested, or null if the order was never confirmed. */
    public UUID returnId() {
        return returnId;
    }
}
