package org.switchboard.operations.journeys.entity;

import java.time.Instant;

/**
 * Which consumer finished with a delivery, when, and at which attempt. Only the delivery count is
 * known of a message still in a queue (the delivery its consumer refused, for a dead letter).
 */
public record Handling(String context, String consumer, Instant handledAt, Integer deliveryCount) {

    /** Nothing handled it yet; a dead letter may say which delivery was refused. */
    public static Handling none(Integer deliveryCount) {
        return new Handling(null, null, null, deliveryCount);
    }
}
