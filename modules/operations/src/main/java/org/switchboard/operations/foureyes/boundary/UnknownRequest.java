package org.switchboard.operations.foureyes.boundary;

import java.util.UUID;

/** There is no request with this id (404). */
public class UnknownRequest extends InvalidDecision {

    public UnknownRequest(UUID request) {
        super("No request " + request);
    }
}
