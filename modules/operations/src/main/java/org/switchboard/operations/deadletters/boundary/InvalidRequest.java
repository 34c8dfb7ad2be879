package org.switchboard.operations.boundary;

import jakarta.ejb.ApplicationException;

/** A request or decision the service refuses as it stands (422): nothing was changed. */
@ApplicationException(rollback = true)
public class InvalidRequest extends RuntimeException {

    public InvalidRequest(String reason) {
        super(reason);
    }
}
