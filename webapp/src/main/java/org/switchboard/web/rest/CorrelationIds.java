package org.switchboard.web.rest;

import java.util.UUID;
import org.switchboard.ids.Ids;

/**
 * The correlation id of a flow starts at the edge: a caller may pass its own in
 * {@code X-Correlation-ID} (a UUID) to follow the flow through every context; otherwise one is made.
 * An id starts one flow only: the Web Store refuses a registration whose id already started
 * another (409 correlation-id-in-use), so a caller cannot join someone else's journey (ADR 0011).
 */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-ID";

    private CorrelationIds() {}

    public static UUID fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return Ids.next();
        }
        try {
            return UUID.fromString(header.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidCorrelationId(header);
        }
    }

    public static class InvalidCorrelationId extends RuntimeException {
        InvalidCorrelationId(String value) {
            super(HEADER + " must be a UUID, got '" + (value.length() > 60 ? value.substring(0, 60) + "…" : value)
                    + "'");
        }
    }
}
