package org.switchboard.messaging.outbox;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.switchboard.contracts.Message;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.JsonMessages;

/**
 * A context's transactional outbox: a context that must change its state and send messages
 * atomically, without XA between PostgreSQL and the broker (ADR 0009), writes each message to the
 * {@code outbox} table of its own schema in its local transaction ({@link #add}), and this relay
 * sends it after the commit and every second, at least once, with the message id and headers it
 * was stored with, so that a message sent twice (a crash between send and delete) is the same
 * message and the consumer's idempotency absorbs it.
 *
 * <p>A context gets one by a few lines: a {@code @Singleton} (bean-managed concurrency) that
 * extends this class and names its schema, and {@code SharedTable.OUTBOX} in its
 * {@code SchemaMigrations.migrate} call:
 *
 * <pre>{@code
 * @Singleton
 * @DependsOn("OrderingSchema")
 * @ConcurrencyManagement(ConcurrencyManagementType.BEAN)
 * public class OrderingOutbox extends TransactionalOutbox {
 *     public OrderingOutbox() { super("ordering"); }
 * }
 * }</pre>
 *
 * <p>Callers inject it with {@code @EJB}, not {@code @Inject}: every call through a CDI proxy of an
 * EJB takes the lock of one reference that all callers share (WildFly's
 * {@code SessionObjectReferenceImpl.getBusinessObject} is synchronized), which under load made the
 * registering threads wait on each other (docs/benchmarks/registration-open-model.md).
 *
 * <p>A relay run leases up to 50 of the oldest free rows in one statement
 * ({@code FOR UPDATE SKIP LOCKED} and {@code lease_until}), sends them in that order through
 * the context's own connection factory ({@code java:/jms/<schema>/JmsXA}, its broker identity)
 * in one transaction of the broker alone ({@link BatchSend}: one journal sync per batch), with the
 * priority, the rest of the delivery delay and the rest of the time-to-live they were written
 * with, and deletes the sent rows in the statement of its next lease (the next commit's run, at
 * the latest the sweep a second later), so that a run costs one database commit, not two. Several
 * nodes share a table without waiting for each other.
 * When the database or the broker is unavailable it says so once and tries again every second.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public abstract class TransactionalOutbox {

    private static final System.Logger LOG = System.getLogger(TransactionalOutbox.class.getName());
    static final int BATCH = 50;

    /** Long enough for a batch to be sent; a relay that dies holding one delays it by this much. */
    static final Duration LEASE = Duration.ofSeconds(30);

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private final String schema;
    private final OutboxDestinations destinations = new OutboxDestinations();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();

    /**
     * Sent by the last run and still in the table (leased): the next run's claim deletes them, at the
     * latest the sweep a second later, so that a run costs one database commit, not two. Touched only
     * by the thread that holds {@link #running}.
     */
    private List<Long> sentNotDeleted = List.of();

    protected TransactionalOutbox(String schema) {
        this.schema = schema;
    }

    /** Fault point: a message taken from the outbox fails before it is sent (it stays in the outbox). */
    public static String faultBeforeSend(String schema) {
        return schema + ".outbox.before-send";
    }

    /** Fault point: a message was sent but the relay fails before deleting it (it is sent again). */
    public static String faultAfterSend(String schema) {
        return schema + ".outbox.after-send";
    }

    /**
     * Fault point: where a message is checked against its schema before it is stored, so that a test
     * can make a message its context is about to send break its contract.
     */
    public static String faultOnAdd(String schema) {
        return schema + ".outbox.add";
    }

    /**
     * Stores the message as it will be sent, in the caller's transaction: validated against its
     * schema, with its headers, its destination and how to deliver it. The relay sends it once the
     * transaction has committed; if it rolls back, the message was never there.
     *
     * @throws org.switchboard.messaging.ContractViolationException if it breaks its schema
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void add(Message message, Destination destination, Delivery delivery) {
        FaultPoints.pass(faultOnAdd(schema), message.correlationId());
        var envelope = JsonMessages.envelope(message);
        try {
            table().insert(
                            message.messageId(),
                            message.getClass().getSimpleName(),
                            OutboxDestinations.jndiName(destination),
                            envelope,
                            message.correlationId(),
                            delivery);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write " + message.messageId() + " to " + schema + ".outbox", e);
        }
        relayAfterCommit();
    }

    /** Every second: what a crash, an outage or another node left, and every delivery delay's rows. */
    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "outbox sweep")
    void sweep() {
        kick();
    }

    private void relayAfterCommit() {
        var key = TransactionalOutbox.class.getName() + "/" + schema;
        if (transactions.getResource(key) == null) {
            transactions.putResource(key, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        kick();
                    }
                }
            });
        }
    }

    private void kick() {
        requested.set(true);
        if (!running.get()) {
            executor.execute(this::drain);
        }
    }

    /** One run per node and schema at a time, repeated while asked for. */
    private void drain() {
        while (requested.get() && running.compareAndSet(false, true)) {
            try {
                requested.set(false);
                publishAll();
            } finally {
                running.set(false);
            }
        }
    }

    private void publishAll() {
        var table = table();
        try {
            int claimed;
            do {
                // The rows the run before sent leave the outbox in the statement that takes the next.
                var batch = table.claim(BATCH, LEASE, sentNotDeleted);
                sentNotDeleted = List.of();
                claimed = batch.size();
                if (claimed > 0) {
                    sentNotDeleted = publish(table, batch);
                }
            } while (claimed == BATCH);
            if (failing.compareAndSet(true, false)) {
                LOG.log(System.Logger.Level.INFO, "Outbox relay of {0} publishes again", schema);
            }
        } catch (RuntimeException | SQLException e) {
            // What was sent and not deleted stays leased: deleted by the next run, or sent again after the lease.
            if (failing.compareAndSet(false, true)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Outbox relay of {0} cannot publish, retrying every second: {1}",
                        schema,
                        String.valueOf(e));
            } else {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "Outbox relay of {0} still cannot publish: {1}",
                        schema,
                        String.valueOf(e));
            }
        }
    }

    /** On undeploy or shutdown, what was sent leaves the outbox now rather than after its lease. */
    @PreDestroy
    void deleteWhatWasSent() {
        if (running.compareAndSet(false, true)) {
            try {
                if (!sentNotDeleted.isEmpty()) {
                    table().settle(sentNotDeleted, List.of());
                }
                sentNotDeleted = List.of();
            } catch (SQLException | RuntimeException e) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "Outbox relay of {0}: {1} sent message(s) left to be sent again after their lease: {2}",
                        schema,
                        sentNotDeleted.size(),
                        String.valueOf(e));
            } finally {
                running.set(false);
            }
        }
    }

    /**
     * Sends a leased batch in one broker transaction.
     *
     * @return the ids of the rows sent, for the caller to delete; when the send fails, the rows sent
     *     are deleted and the others freed before the failure is thrown
     */
    private List<Long> publish(OutboxTable table, List<OutboxTable.Pending> batch) {
        var sent = new ArrayList<Long>();
        try {
            BatchSend.send(
                    schema,
                    batch,
                    (sender, pending) -> {
                        FaultPoints.pass(faultBeforeSend(schema), pending.correlationId());
                        send(sender, pending);
                    },
                    pending -> {
                        // As if the relay died here: sent, not deleted, so it goes out again.
                        FaultPoints.pass(faultAfterSend(schema), pending.correlationId());
                        sent.add(pending.id());
                    });
        } catch (RuntimeException failure) {
            var unsent = batch.stream()
                    .map(OutboxTable.Pending::id)
                    .filter(id -> !sent.contains(id))
                    .toList();
            try {
                table.settle(sent, unsent);
            } catch (SQLException | RuntimeException alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
        LOG.log(System.Logger.Level.DEBUG, "Outbox relay of {0} published {1} message(s)", schema, sent.size());
        return sent;
    }

    private void send(BatchSend.Sender sender, OutboxTable.Pending pending) throws JMSException {
        var now = Instant.now();
        sender.send(
                destinations.lookup(pending.destination()),
                pending.envelope(),
                pending.scheduled().priority(),
                pending.scheduled().remainingDelay(now),
                pending.scheduled().remainingTimeToLive(now));
    }

    private OutboxTable table() {
        return new OutboxTable(dataSource, schema);
    }
}
