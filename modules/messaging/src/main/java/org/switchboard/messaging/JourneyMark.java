package org.switchboard.messaging;

import org.switchboard.contracts.operations.MessageHandled;

/**
 * Tells {@link ConsumerInterceptor} how the current delivery ended when it was not simply processed:
 * a duplicate acknowledged without effect, or a message moved to its dead-letter queue. The mark
 * lives only while the interceptor handles one delivery on this thread ({@link #open}, {@link
 * #close}), so it cannot leak into another delivery; it works whether the delivery runs in a
 * container transaction or, as local-transaction consumers do, without one.
 */
final class JourneyMark {

    private static final ThreadLocal<Mark[]> CURRENT = new ThreadLocal<>();

    /** How a delivery ended, when it was not PROCESSED. */
    record Mark(String outcome, String reason) {}

    private JourneyMark() {}

    static void open() {
        CURRENT.set(new Mark[1]);
    }

    /** The mark of the delivery being handled, or null when it was simply processed. */
    static Mark current() {
        var slot = CURRENT.get();
        return slot == null ? null : slot[0];
    }

    static void close() {
        CURRENT.remove();
    }

    /** The current delivery found its message already processed and changed nothing ({@link IdempotentConsumer}). */
    static void duplicate() {
        mark(new Mark(MessageHandled.DUPLICATE, null));
    }

    /** The current delivery moved its message to the dead-letter queue (see {@link DeadLetters}). */
    static void deadLettered(UnreadableMessageException.Reason reason) {
        mark(new Mark(MessageHandled.DEAD_LETTERED, reason.name()));
    }

    private static void mark(Mark mark) {
        var slot = CURRENT.get();
        if (slot != null) {
            slot[0] = mark;
        }
    }
}
