package org.switchboard.operations.monitoring.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Optional;
import org.switchboard.messaging.Headers;
import org.switchboard.operations.broker.entity.Failure;

/**
 * What an alert tells about a dead-letter queue's first message, read from the broker's description
 * of it: why it is there and where it was sent.
 *
 * @param reason the consumer's {@code deadLetterReason} (the code only: its detail may quote personal
 *     data, and alerts leave the system); else MOVED_BY_BROKER (from its original queue) or
 *     SENT_DIRECTLY, as {@link Failure#reasonOf} says
 * @param originalAddress where it was sent ({@code _AMQ_ORIG_ADDRESS})
 */
public record FirstDeadLetter(String reason, String originalAddress) {

    /** When the message was gone before it could be read. */
    public static final FirstDeadLetter GONE = new FirstDeadLetter("unknown (the message was already gone)", null);

    public static FirstDeadLetter of(Optional<JsonObject> first) {
        if (first.isEmpty()) {
            return GONE;
        }
        var message = first.get();
        var reason = Failure.reasonOf(name -> property(message, name));
        var queue = property(message, Headers.ORIGINAL_QUEUE);
        if (Failure.MOVED_BY_BROKER.equals(reason) && queue != null) {
            reason += " from " + queue;
        }
        return new FirstDeadLetter(reason, property(message, Headers.ORIGINAL_ADDRESS));
    }

    /** Artemis lists a message's properties next to its headers; some versions nest them. */
    private static String property(JsonObject message, String name) {
        var value = message.get(name);
        if (value == null && message.get("properties") instanceof JsonObject properties) {
            value = properties.get(name);
        }
        if (value == null) {
            return null;
        }
        return value instanceof JsonString text ? text.getString() : value.toString();
    }
}
