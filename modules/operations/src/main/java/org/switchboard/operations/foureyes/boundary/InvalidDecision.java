package org.switchboard.operations.foureyes.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A decision on a request refused as it stands (422; its subclasses say more precisely why):
 * nothing was decided.
 */
@ApplicationException(rollback = true)
public class InvalidDecision extends RuntimeException {

    public InvalidDecision(String reason) {
        super(reason);
    }
}
