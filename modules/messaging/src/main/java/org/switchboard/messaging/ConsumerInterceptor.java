package org.switchboard.messaging;

import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.sql.DataSource;

/**
 * What every message-driven bean does around its {@code onMessage}, written once. It is bound as
 * the default interceptor of each EJB module that has message-driven beans
 * ({@code META-INF/ejb-jar.xml}), so a bean only reads its typed message and hands it on:
 *
 * <ul>
 *   <li>a message that can never be read ({@link UnreadableMessageException}: wrong type or version,
 *       bad JSON, a schema violation, headers that disagree with the body) or whose consequence
 *       would break its contract ({@link ContractViolationException}) goes to its dead-letter queue
 *       at once, with the reason ({@link DeadLetters});
 *   <li>a failure of the infrastructure ({@link Transience}: the database unreachable, say) sends
 *       the message back to its queue with a growing delay, without burning one of its delivery
 *       attempts ({@link TransientRetries});
 *   <li>any other failure is redelivered by the broker after its growing delay: the interceptor
 *       marks the container transaction rollback-only, or, for a bean without one, throws the
 *       failure on to the resource adapter; one log line either way;
 *   <li>a delivery that ends well sends a {@code MessageHandled} journey note to {@code ops.journey}
 *       ({@link JourneyNotes}): in the delivery's transaction when it has one (the note commits
 *       exactly when the handling does), else right after the handling committed its own local
 *       transaction (a redelivery after a crash in between adds a DUPLICATE note, never loses one).
 * </ul>
 *
 * <p>The consumer of {@code ops.journey} itself records no notes (notes about notes would never
 * end). Calls other than {@code onMessage(Message)} (a default interceptor also wraps the module's
 * session beans) pass straight through.
 */
public class ConsumerInterceptor {

    private static final System.Logger LOG = System.getLogger(ConsumerInterceptor.class.getName());

    /** Where journey notes go; Operations consumes them. */
    public static final String JOURNEY_QUEUE = "java:/jms/queue/ops.journey";

    private static final String JOURNEY_QUEUE_NAME = JOURNEY_QUEUE.substring(JOURNEY_QUEUE.lastIndexOf('/') + 1);

    @Resource(lookup = JOURNEY_QUEUE)
    Queue journey;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Resource(lookup = "java:module/ModuleName")
    String module;

    /** Asked only when a failure from the database does not say whether the database is down. */
    @Resource(lookup = Transience.DATABASE)
    DataSource database;

    @AroundInvoke
    public Object consume(InvocationContext invocation) throws Exception {
        var parameters = invocation.getParameters();
        if (!"onMessage".equals(invocation.getMethod().getName())
                || parameters.length != 1
                || !(parameters[0] instanceof Message message)) {
            return invocation.proceed();
        }
        var consumer = Consumer.of(invocation.getTarget().getClass(), module);
        // Read before the bean runs: moving or deferring a message re-sends the very same Message
        // object, and sending overwrites its destination, timestamp and id.
        var delivered = JourneyNotes.Delivered.of(message);
        var notes = delivered != null
                && !JOURNEY_QUEUE_NAME.equals(delivered.origin().destination());
        JourneyMark.open();
        try {
            var result = invocation.proceed();
            if (notes) {
                recordJourney(delivered, consumer);
            }
            return result;
        } catch (UnreadableMessageException e) {
            deadLetter(message, e, consumer, notes ? delivered : null);
        } catch (ContractViolationException e) {
            // What this message translates into breaks the next contract: the same every time.
            deadLetter(message, UnreadableMessageException.of(e), consumer, notes ? delivered : null);
        } catch (RuntimeException e) {
            if (Transience.isTransient(e, inTransaction() ? null : database) && defer(message, consumer, e)) {
                return null;
            }
            LOG.log(
                    System.Logger.Level.WARNING,
                    "{0} fails delivery {1}; the broker redelivers it: {2}",
                    consumer.label(),
                    IncomingMessage.describe(message),
                    TransientRetries.rootCause(e));
            if (!inTransaction()) {
                throw e;
            }
            transactions.setRollbackOnly();
        } finally {
            JourneyMark.close();
        }
        return null;
    }

    private boolean defer(Message message, Consumer consumer, RuntimeException failure) {
        if (inTransaction() && transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return false;
        }
        try (var jms = connections().createContext()) {
            return TransientRetries.defer(jms, message, consumer.label(), failure, source(consumer));
        }
    }

    private void deadLetter(
            Message message, UnreadableMessageException problem, Consumer consumer, JourneyNotes.Delivered delivered) {
        var transacted = inTransaction();
        if (transacted && transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            // Something the bean called already doomed the transaction: a move now would be rolled
            // back with it. The broker retries and, after its attempts, dead-letters it itself.
            LOG.log(
                    System.Logger.Level.WARNING,
                    "{0} cannot dead-letter {1} ({2}) in a transaction marked for rollback; the broker retries it",
                    consumer.label(),
                    IncomingMessage.describe(message),
                    problem.reason());
            return;
        }
        boolean moved;
        try (var jms = connections().createContext()) {
            moved = new DeadLetters(jms, consumer.label())
                    .reject(message, problem, consumer.subscription(), source(consumer));
        }
        if (!moved) {
            if (!transacted) {
                throw new IllegalStateException("Cannot dead-letter " + IncomingMessage.describe(message), problem);
            }
            transactions.setRollbackOnly();
            return;
        }
        if (delivered != null) {
            recordJourney(delivered, consumer);
        }
    }

    /**
     * In the delivery's transaction when it has one; otherwise on its own, after the bean's local
     * transaction committed. A failed send fails the delivery either way: the broker that cannot
     * take a note cannot take the business messages either.
     */
    private void recordJourney(JourneyNotes.Delivered delivered, Consumer consumer) {
        if (inTransaction() && transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return;
        }
        try (var jms = connections().createContext()) {
            JourneyNotes.send(jms, journey, delivered, consumer, JourneyMark.current());
        }
    }

    /** The queue the bean reads, when it reads one; null for a topic subscription. */
    private static Queue source(Consumer consumer) {
        if (consumer.queueLookup() == null) {
            return null;
        }
        return SOURCES.computeIfAbsent(consumer.queueLookup(), lookup -> {
            try {
                return (Queue) new javax.naming.InitialContext().lookup(lookup);
            } catch (javax.naming.NamingException e) {
                throw new IllegalStateException("No queue bound at " + lookup, e);
            }
        });
    }

    private static final java.util.Map<String, Queue> SOURCES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * This context's own factory ({@link ContextConnections}; the EJB module is named after its
     * context). Looked up by name rather than injected: a {@code resource-ref} on a default
     * interceptor in {@code ejb-jar.xml} is not applied by WildFly, so an injected factory was the EE
     * default one, whose in-VM sessions bypassed the context's permissions.
     */
    private ConnectionFactory connections() {
        return ContextConnections.of(module);
    }

    private boolean inTransaction() {
        return transactions.getTransactionKey() != null;
    }
}
