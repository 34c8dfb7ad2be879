package org.switchboard.messaging.outbox;

import jakarta.jms.JMSContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.switchboard.messaging.ContextConnections;

/**
 * How an outbox relay sends a leased batch: all its messages in one transaction of the broker
 * alone, so the broker writes and syncs its journal once for the batch instead of once per message
 * (a persistent send outside a transaction returns only after its own sync: with Artemis' NIO
 * journal about 3 ms each, which capped a relay at a few hundred messages a second and put nearly
 * all of the Web Store's lag in its outbox; docs/benchmarks/registration-open-model.md).
 *
 * <p>The transaction is JTA's, with the context's pooled XA factory as its only resource: Narayana
 * commits it in one phase and writes no log record, and PostgreSQL is not part of it (ADR 0009: the
 * lease and the delete stay local transactions of their own). The batch goes out whole or not at
 * all; a failure rolls it back and leaves every row to the next attempt. A crash or a failure after
 * the commit, before the rows are deleted, sends them again: the same messages, which the consumers'
 * idempotency absorbs.
 */
public final class BatchSend {

    private static final System.Logger LOG = System.getLogger(BatchSend.class.getName());

    /** Where WildFly binds the transaction manager; usable from any thread, bean or executor task. */
    static final String TRANSACTION_MANAGER = "java:/TransactionManager";

    private BatchSend() {}

    /**
     * Sends {@code batch} in one broker transaction through the context's own factory
     * ({@link ContextConnections}), then hands each item, in order, to {@code afterCommit} (where the
     * caller records it as sent).
     *
     * @param send sends one item on the transaction's context; a failure rolls back the whole batch
     * @param afterCommit told of each item once the batch is committed; a failure there leaves the
     *     item and the ones after it unrecorded (they go out again)
     */
    public static <T> void send(
            String context, List<T> batch, BiConsumer<JMSContext, T> send, Consumer<T> afterCommit) {
        if (batch.isEmpty()) {
            return;
        }
        var transactions = Bound.TRANSACTIONS;
        try {
            transactions.begin();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot begin the relay's transaction", e);
        }
        var committed = false;
        try {
            try (var jms = ContextConnections.of(context).createContext()) {
                for (var item : batch) {
                    send.accept(jms, item);
                }
            }
            transactions.commit();
            committed = true;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The broker did not commit the batch of " + batch.size(), e);
        } finally {
            if (!committed) {
                rollBack(transactions);
            }
        }
        batch.forEach(afterCommit);
    }

    private static void rollBack(TransactionManager transactions) {
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
        } catch (SystemException | IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot roll back the relay''s transaction: {0}", String.valueOf(e));
        }
    }

    /** Looked up once, when the first batch goes out (the relays run every second). */
    private static final class Bound {
        static final TransactionManager TRANSACTIONS = transactionManager();

        private static TransactionManager transactionManager() {
            try {
                return InitialContext.doLookup(TRANSACTION_MANAGER);
            } catch (NamingException e) {
                throw new IllegalStateException("No transaction manager at " + TRANSACTION_MANAGER, e);
            }
        }
    }
}
