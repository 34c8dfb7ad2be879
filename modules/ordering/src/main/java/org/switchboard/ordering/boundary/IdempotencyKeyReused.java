package org.switchboard.ordering.boundary;

import jakarta.ejb.ApplicationException;

/** The Idempotency-Key came with another order before; nothing is stored. */
@ApplicationException(rollback = true)
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused() {
        super("The Idempotency-Key was used for a different order");
    }
}
