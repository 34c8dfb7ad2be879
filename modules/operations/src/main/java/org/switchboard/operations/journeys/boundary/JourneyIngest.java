package org.switchboard.operations.journeys.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.switchboard.contracts.operations.MessageHandled;
import org.switchboard.messaging.ContextConnections;
import org.switchboard.messaging.DeadLetters;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.Transience;
import org.switchboard.messaging.UnreadableMessageException;
import org.switchboard.operations.journeys.control.JourneyJournal;

/**
 * Records the journey notes every context's message-driven beans send to {@code ops.journey} (see
 * {@code ConsumerInterceptor}), <strong>in batches</strong>: one thread per node takes what is
 * waiting, up to {@value #MAX_BATCH} notes, in one local transaction of the broker session, writes
 * them in one statement (one database commit) and then commits the session, which acknowledges them
 * all. A note waits for no other: a lone note is a batch of one, and under load the batches grow
 * by themselves, so a registration's three notes cost a fraction of a database commit instead of
 * three (docs/benchmarks/registration-open-model.md). It replaced a message-driven bean with four
 * sessions, one insert and one commit per note.
 *
 * <p>Nothing is lost and nothing is recorded twice:
 *
 * <ul>
 *   <li>The statement is idempotent on each note's own id, and the session commits only after it:
 *       a node that stops in between has its notes delivered again, and they change nothing.
 *   <li>An unreadable note is moved to {@code DLQ.ops.journey} with the reason, in the same session
 *       transaction, as every consumer does ({@link DeadLetters}).
 *   <li>While the database is unavailable the batch is <em>kept whole</em>: not acknowledged, not
 *       split, not rolled back, and written again after a pause that doubles up to
 *       {@link #MAX_PAUSE}; no delivery attempt is spent on an outage, and nothing else waits for
 *       this thread (the notes queue up in the broker). One WARNING when it starts, one INFO when
 *       it ends.
 *   <li>Any other failure of the statement rolls the session back, so the broker redelivers the
 *       batch, and for {@link #ALONE} after it every note goes in a transaction of its own: a note
 *       the database refuses is then retried alone and parked by the broker in
 *       {@code DLQ.ops.journey} after its attempts (which alerts like any dead letter), and costs the
 *       others one delivery attempt at most.
 *   <li>A broker that fails (a failover, a restart) closes the session; what it had not committed
 *       is delivered again, and the thread opens a new session after a pause.
 * </ul>
 *
 * <p>The session is the Operations context's own factory (ADR 0010), transacted locally (its pooled
 * factory allows local transactions, jms-config/messaging.cli); no JTA transaction is involved, so
 * the notes, like before, carry no journey note of their own (notes about notes would never end).
 */
@Singleton
@Startup
@DependsOn("OperationsSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JourneyIngest {

    /** The queue it consumes. */
    public static final String QUEUE = "java:/jms/queue/ops.journey";

    /** Fault point: the batch fails before it is written, once per note's flow (tests arm it as an outage). */
    public static final String FAULT_BEFORE_STORE = "operations.journey.before-store";

    /** The most notes in one transaction: one statement of this many rows stays well under 100 ms. */
    static final int MAX_BATCH = 200;

    /** The longest pause between two attempts to write a batch while the database is unavailable. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    /** How long after a batch the database refused notes go one by one. */
    static final Duration ALONE = Duration.ofMinutes(1);

    private static final System.Logger LOG = System.getLogger(JourneyIngest.class.getName());
    private static final Duration RECEIVE = Duration.ofSeconds(1);

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    JourneyJournal journal;

    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Thread worker;
    private Queue queue;
    private Instant aloneUntil = Instant.MIN;

    @PostConstruct
    void start() {
        try {
            queue = InitialContext.doLookup(QUEUE);
        } catch (NamingException e) {
            throw new IllegalStateException("No queue at " + QUEUE + " (jms-config/messaging.cli)", e);
        }
        running = true;
        startWorker();
    }

    /** Every minute: a thread that died of something nobody foresaw is started again, with an ERROR line. */
    @Schedule(hour = "*", minute = "*", second = "7", persistent = false, info = "journey ingest watchdog")
    void watch() {
        var thread = worker;
        if (running && (thread == null || !thread.isAlive())) {
            LOG.log(System.Logger.Level.ERROR, "The journey notes' consumer thread had ended; starting it again");
            startWorker();
        }
    }

    private synchronized void startWorker() {
        var thread = threads.newThread(this::run);
        thread.setName("journey-ingest");
        worker = thread;
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        stopping.countDown();
        var thread = worker;
        if (thread != null) {
            try {
                // Long enough for a write that waits for a pooled connection (5 s) to give up.
                thread.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        boolean brokerFailing = false;
        while (running) {
            try (var connection = ContextConnections.connect("operations");
                    var session = connection.createSession(true, Session.SESSION_TRANSACTED);
                    var consumer = session.createConsumer(queue)) {
                // A pooled session may come back with what an earlier holder left in its
                // transaction (closing it does not roll back): start clean.
                session.rollback();
                connection.start();
                if (brokerFailing) {
                    LOG.log(System.Logger.Level.INFO, "Journey notes are read from ops.journey again");
                    brokerFailing = false;
                }
                var deadLetters = new DeadLetters(session, "operations/JourneyIngest");
                while (running) {
                    var batch = take(consumer);
                    if (batch.isEmpty()) {
                        continue;
                    }
                    try {
                        ingest(session, deadLetters, batch);
                    } catch (Throwable unforeseen) {
                        // Nothing of the batch may stay acknowledged in the session's transaction.
                        rollbackQuietly(session);
                        throw unforeseen;
                    }
                }
            } catch (Throwable e) {
                if (!running) {
                    return;
                }
                if (!brokerFailing) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "Journey notes not read from ops.journey, trying again every second: " + e,
                            e instanceof JMSException ? null : e);
                    brokerFailing = true;
                }
                pause(Duration.ofSeconds(1));
            }
        }
    }

    /** What is waiting, up to a batch: waits for the first note, never for the others. */
    private List<Message> take(MessageConsumer consumer) throws JMSException {
        var batch = new ArrayList<Message>();
        var first = consumer.receive(RECEIVE.toMillis());
        if (first == null) {
            return batch;
        }
        batch.add(first);
        int max = Instant.now().isBefore(aloneUntil) ? 1 : MAX_BATCH;
        while (batch.size() < max) {
            var next = consumer.receiveNoWait();
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    /** Records the batch and ends the session's transaction: committed, or rolled back for a redelivery. */
    private void ingest(Session session, DeadLetters deadLetters, List<Message> batch) throws JMSException {
        var notes = new ArrayList<MessageHandled>(batch.size());
        for (var message : batch) {
            try {
                notes.add(IncomingMessage.from(message).expect(MessageHandled.class));
            } catch (UnreadableMessageException problem) {
                if (!deadLetters.reject(message, problem, null, queue)) {
                    refused(session, "a note could not be moved to DLQ.ops.journey", null);
                    return;
                }
            } catch (RuntimeException ours) {
                // Not the note's fault (the registry, the validator): retried, one note at a time.
                refused(session, "a note could not be read", ours);
                return;
            }
        }
        var pause = Duration.ofMillis(250);
        boolean unavailable = false;
        while (true) {
            try {
                for (var note : notes) {
                    FaultPoints.pass(FAULT_BEFORE_STORE, note.correlationId());
                }
                journal.recordAll(notes);
                break;
            } catch (SQLException | RuntimeException e) {
                if (!unavailableNow(e)) {
                    refused(session, "the database refused a batch of " + notes.size(), e);
                    return;
                }
                if (!unavailable) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "Journey notes not recorded, the database is unavailable; keeping the batch of {0} and"
                                    + " trying again: {1}",
                            notes.size(),
                            String.valueOf(Transience.rootCause(e)));
                    unavailable = true;
                }
                pause(pause);
                if (!running) {
                    // Stopping: the broker keeps them for the next start.
                    session.rollback();
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
        session.commit();
        if (unavailable) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "Journey notes recorded again ({0} kept through the outage)",
                    notes.size());
        }
    }

    /**
     * The batch goes back to the broker for a redelivery, and the notes after it one per
     * transaction for a while, so that a note that always fails fails alone.
     */
    private void refused(Session session, String why, Throwable failure) throws JMSException {
        LOG.log(
                System.Logger.Level.ERROR,
                "Journey notes rolled back for a redelivery, each note alone for the next " + ALONE.toMinutes()
                        + " minute(s): " + why,
                failure);
        aloneUntil = Instant.now().plus(ALONE);
        session.rollback();
    }

    /**
     * The database cannot take anything now ({@link Transience}), a conflict that a retry resolves
     * (SQLState class 40: serialization failure, deadlock), or the write timed out (57014, the
     * statement's 30-s timeout): keep the batch and try again.
     */
    private static boolean unavailableNow(Throwable failure) {
        if (Transience.isTransient(failure)) {
            return true;
        }
        for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40") || "57014".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static void rollbackQuietly(Session session) {
        try {
            session.rollback();
        } catch (JMSException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Rollback after a failure failed too: {0}", String.valueOf(e));
        }
    }

    /** Waits, and is woken early by {@link #stop()}; a stray interrupt only ends the wait. */
    private void pause(Duration duration) {
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Not a request to stop (stop() says so through running); the next receive must not fail on it.
            Thread.interrupted();
        }
    }
}
