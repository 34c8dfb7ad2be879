package org.switchboard.operations.foureyes.boundary;

import jakarta.ejb.ApplicationException;

/** A replay or deletion request refused as it stands (422): nothing was requested. */
@ApplicationException(rollback = true)
public class InvalidRequest extends RuntimeException {

    public InvalidRequest(String reason) {
        super(reason);
    }
}
