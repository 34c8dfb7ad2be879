package org.switchboard.webstore.boundary;

import jakarta.ejb.ApplicationException;
import java.util.UUID;

/**
 * A registration under a correlation id that already started another flow (ADR 0011): taking it
 * would merge two customers' journeys. Nothing is stored or published.
 */
@ApplicationException(rollback = true)
public class CorrelationIdInUse extends RuntimeException {

    public CorrelationIdInUse(UUID correlationId) {
        super("Correlation id " + correlationId + " already belongs to another registration's flow;"
                + " send a new one, or none and one is made");
    }
}
