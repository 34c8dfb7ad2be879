package org.switchboard.partners.boundary;

import jakarta.ejb.ApplicationException;

/** A replay of a delivery that is not FAILED (it is still pending, or was delivered). */
@ApplicationException(rollback = true)
public class NotReplayable extends RuntimeException {

    public NotReplayable(String message) {
        super(message);
    }
}
