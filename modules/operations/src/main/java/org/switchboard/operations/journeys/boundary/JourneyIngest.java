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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.switchboard.messaging.ContextConnections;
import org.switchboard.messaging.DeadLetters;
import org.switchboard.operations.journeys.control.JourneyJournal;
import org.switchboard.operations.journeys.control.NoteBatches;

/**
 * Records the journey notes every context's message-driven beans send to {@code ops.journey} (see
 * {@code ConsumerInterceptor}), <strong>in batches</strong>: one thread per node takes what is
 * waiting, up to {@value NoteBatches#MAX_BATCH} notes, in one local transaction of the broker session, writes
 * them in one statement (one database commit) and then commits the session, which acknowledges them
 * all. After the first note of a batch it waits up to {@link #LINGER} (100 ms) for more, so that a
 * registration's three notes cost a small fraction of a database commit instead of three, whatever
 * the rate (docs/benchmarks/registration-open-model.md). It replaced a message-driven bean with four
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
 *       {@link NoteBatches#MAX_PAUSE}; no delivery attempt is spent on an outage, and nothing else waits for
 *       this thread (the notes queue up in the broker). One WARNING when it starts, one INFO when
 *       it ends.
 *   <li>The same for a serialization failure or deadlock and for a write that ran into its
 *       statement timeout.
 *   <li>Any other failure, of the statement or of anything else while the batch is in hand, rolls
 *       the session back, so the broker redelivers the batch, and for {@link NoteBatches#ALONE}
 *       after it every note goes in a transaction of its own: a note the database refuses is then
 *       retried alone and parked by the broker in {@code DLQ.ops.journey} after its attempts (which
 *       alerts like any dead letter).
 *   <li>A broker that fails (a failover, a restart) closes the session; what it had not committed
 *       is delivered again, and the thread opens a new session after a pause. A session from the
 *       pool is rolled back before its first use: closing a resource-adapter session does not roll
 *       back what it had received, and the pool hands the same session out again.
 *   <li>A timer restarts the thread, with an ERROR line, should it ever end while the bean is
 *       deployed.
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

    private static final System.Logger LOG = System.getLogger(JourneyIngest.class.getName());
    private static final Duration RECEIVE = Duration.ofSeconds(1);

    /**
     * How long a batch waits for more notes after its first. Without it the batches stayed at one or
     * two notes even at 125 registrations a second (three notes each), so that the notes cost about
     * two database commits per registration, the largest share of PostgreSQL's work on that path;
     * with it, a few a second whatever the rate. A note shows in its journey this much later.
     */
    static final Duration LINGER = Duration.ofMillis(100);

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    JourneyJournal journal;

    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Thread worker;
    private Queue queue;
    private NoteBatches batches;

    @PostConstruct
    void start() {
        try {
            queue = InitialContext.doLookup(QUEUE);
        } catch (NamingException e) {
            throw new IllegalStateException("No queue at " + QUEUE + " (jms-config/messaging.cli)", e);
        }
        batches = new NoteBatches(journal, queue);
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
                        batches.record(session, deadLetters, batch, this::pause);
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

    /**
     * Up to a batch: waits for the first note, then up to {@link #LINGER} for more (never when notes
     * go alone), and takes whatever else is already waiting.
     */
    private List<Message> take(MessageConsumer consumer) throws JMSException {
        var batch = new ArrayList<Message>();
        var first = consumer.receive(RECEIVE.toMillis());
        if (first == null) {
            return batch;
        }
        batch.add(first);
        int max = batches.nextBatchSize();
        long until = System.nanoTime() + (max > 1 ? LINGER.toNanos() : 0);
        while (batch.size() < max) {
            long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
            var next = left > 0 ? consumer.receive(left) : consumer.receiveNoWait();
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private static void rollbackQuietly(Session session) {
        try {
            session.rollback();
        } catch (JMSException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Rollback after a failure failed too: {0}", String.valueOf(e));
        }
    }

    /**
     * Waits, and is woken early by {@link #stop()}; a stray interrupt only ends the wait.
     *
     * @return false when stopping
     */
    private boolean pause(Duration duration) {
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Not a request to stop (stop() says so through running); the next receive must not fail on it.
            Thread.interrupted();
        }
        return running;
    }
}
