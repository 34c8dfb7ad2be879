package org.switchboard.messaging.outbox;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.List;
import java.util.function.Consumer;
import org.switchboard.messaging.ContextConnections;
import org.switchboard.messaging.JsonMessages;

/**
 * How an outbox relay sends a leased batch: all its messages in one transaction of the broker
 * alone, so the broker writes and syncs its journal once for the batch instead of once per message
 * (a persistent send outside a transaction returns only after its own sync: with Artemis' NIO
 * journal about 3 ms each, which capped a relay at a few hundred messages a second and put nearly
 * all of the Web Store's lag in its outbox; docs/benchmarks/registration-open-model.md).
 *
 * <p>The transaction is the session's own (a local JMS transaction of the context's pooled factory,
 * which jms-config/messaging.cli allows with {@code allow-local-transactions}), not JTA's. With JTA
 * the batch was a one-phase XA commit, and when the broker died during that commit (a failover),
 * Narayana recorded the unknown outcome as a heuristic hazard it could neither finish nor forget
 * without the dead broker: one log record per relay in flight, for ever (cluster run 6,
 * docs/scale-out.md). The relay needs no coordinator for what it does with an unknown outcome: the
 * rows stay and go out again. PostgreSQL is not part of it either (ADR 0009: the lease and the
 * delete are local transactions of their own). The batch goes out whole or not at all; a failure
 * rolls it back (explicitly: closing a pooled session does not) and leaves every row to the next
 * attempt. A crash or a failure after the commit,
 * before the rows are deleted, sends them again: the same messages, which the consumers'
 * idempotency absorbs. Call it outside any JTA transaction (the relays run on their own threads):
 * inside one, the factory would enlist the session in it instead.
 */
public final class BatchSend {

    private BatchSend() {}

    /** Sends one message of the batch. */
    @FunctionalInterface
    public interface Sender {
        /**
         * @param deliveryDelay milliseconds before the broker delivers it, 0 for at once
         * @param timeToLive milliseconds before it expires, 0 for never
         */
        void send(
                Destination destination,
                JsonMessages.Envelope envelope,
                int priority,
                long deliveryDelay,
                long timeToLive)
                throws JMSException;

        /** At once, at the default priority, never expiring. */
        default void send(Destination destination, JsonMessages.Envelope envelope) throws JMSException {
            send(destination, envelope, jakarta.jms.Message.DEFAULT_PRIORITY, 0, 0);
        }
    }

    /** Sends one item of the batch through the batch's {@link Sender}. */
    @FunctionalInterface
    public interface Item<T> {
        void send(Sender sender, T item) throws JMSException;
    }

    /**
     * Sends {@code batch} in one local transaction of the context's own factory
     * ({@link ContextConnections}), then hands each item, in order, to {@code afterCommit} (where the
     * caller records it as sent).
     *
     * @param send sends one item; a failure rolls back the whole batch
     * @param afterCommit told of each item once the batch is committed; a failure there leaves the
     *     item and the ones after it unrecorded (they go out again)
     */
    public static <T> void send(String context, List<T> batch, Item<T> send, Consumer<T> afterCommit) {
        if (batch.isEmpty()) {
            return;
        }
        try (var connection = ContextConnections.of(context).createConnection();
                var session = connection.createSession(true, Session.SESSION_TRANSACTED);
                var producer = session.createProducer(null)) {
            // One anonymous producer for the batch: every setting is passed or set for every message,
            // zeros included, so nothing of the previous message (a delay, say) stays for the next.
            Sender sender = (destination, envelope, priority, deliveryDelay, timeToLive) -> {
                producer.setDeliveryDelay(deliveryDelay);
                producer.send(
                        destination,
                        JsonMessages.toTextMessage(session, envelope),
                        DeliveryMode.PERSISTENT,
                        priority,
                        timeToLive);
            };
            try {
                // A pooled session may come back with what an earlier holder left in its transaction.
                session.rollback();
                for (var item : batch) {
                    send.send(sender, item);
                }
                session.commit();
            } catch (JMSException | RuntimeException e) {
                // Closing a session of the resource adapter does not roll it back, and the pool hands
                // the same session out again: undo the sends here, or the next batch commits them.
                try {
                    session.rollback();
                } catch (JMSException | RuntimeException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (JMSException e) {
            throw new IllegalStateException("The broker did not take the batch of " + batch.size(), e);
        }
        batch.forEach(afterCommit);
    }
}
