package org.switchboard.operations.foureyes.boundary;

import java.util.UUID;

/**
 * Someone else decided on the same request at the same moment, and was first (409): this decision
 * lost on the request's version and changed nothing.
 */
public class ConcurrentDecision extends InvalidDecision {

    public ConcurrentDecision(UUID request) {
        super("Someone else decided on request " + request + " at the same time");
    }
}
