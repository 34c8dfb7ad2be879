package org.switchboard.operations.broker.entity;

import java.time.Instant;
import java.util.function.Function;
import org.switchboard.messaging.Headers;

/**
 * Why a message is a dead letter, as far as the message itself says.
 *
 * @param reason the consumer's {@code deadLetterReason}; else {@link #MOVED_BY_BROKER} or
 *     {@link #SENT_DIRECTLY} (see {@link #reasonOf})
 * @param detail the consumer's one-line explanation, if it gave one
 * @param deliveryCount which delivery the consumer refused, if it refused it itself
 * @param deadLetteredAt when the consumer refused it, if it did
 */
public record Failure(String reason, String detail, Integer deliveryCount, Instant deadLetteredAt) {

    /**
     * No consumer gave a reason, but the broker moved it here from another queue ({@code
     * _AMQ_ORIG_ADDRESS}): either its delivery attempts ran out, or someone moved it with the
     * broker's management (console, CLI, JMX: move, send to dead-letter address). Artemis records
     * the same properties either way and no delivery count, so the message cannot say which.
     */
    public static final String MOVED_BY_BROKER = "MOVED_BY_BROKER";

    /** No consumer's reason and no original address: it was sent to the dead-letter queue directly, never delivered. */
    public static final String SENT_DIRECTLY = "SENT_DIRECTLY";

    /**
     * The reason a dead letter's properties give: the consumer's, when one refused it; otherwise
     * what the broker's properties prove, and no more.
     */
    public static String reasonOf(Function<String, Object> property) {
        var given = property.apply(Headers.DEAD_LETTER_REASON);
        if (given != null) {
            return given.toString();
        }
        return property.apply(Headers.ORIGINAL_ADDRESS) != null ? MOVED_BY_BROKER : SENT_DIRECTLY;
    }
}
