package org.switchboard.messaging;

import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.switchboard.contracts.operations.MessageHandled;

/**
 * Tells {@link ConsumerInterceptor} how the current delivery ended when it was not simply processed:
 * a duplicate acknowledged without effect, or a message moved to its dead-letter queue. The mark
 * lives in the delivery's transaction (JTA's synchronization registry), so it cannot leak into
 * another delivery and disappears with the transaction.
 */
final class JourneyMark {

    static final String OUTCOME = JourneyMark.class.getName() + ".outcome";

    /** How a delivery ended, when it was not PROCESSED. */
    record Mark(String outcome, String reason) {}

    private JourneyMark() {}

    /** The current delivery found its message already processed and changed nothing ({@link IdempotentConsumer}). */
    static void duplicate() {
        mark(new Mark(MessageHandled.DUPLICATE, null));
    }

    /** The current delivery moved its message to the dead-letter queue (see {@link DeadLetters}). */
    static void deadLettered(UnreadableMessageException.Reason reason) {
        mark(new Mark(MessageHandled.DEAD_LETTERED, reason.name()));
    }

    private static void mark(Mark mark) {
        try {
            TransactionSynchronizationRegistry transactions =
                    InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry");
            if (transactions.getTransactionKey() != null) {
                transactions.putResource(OUTCOME, mark);
            }
        } catch (NamingException | IllegalStateException e) {
            // Outside a container transaction (a unit test): there is no journey to record.
        }
    }
}
