package org.switchboard.messaging;

import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * What every message-driven bean does around its {@code onMessage}, written once. It is bound as
 * the default interceptor of each EJB module that has message-driven beans
 * ({@code META-INF/ejb-jar.xml}), so a bean only reads its typed message and hands it on:
 *
 * <ul>
 *   <li>a message that can never be read ({@link UnreadableMessageException}: wrong type or version,
 *       bad JSON, a schema violation, headers that disagree with the body) or whose consequence
 *       would break its contract ({@link ContractViolationException}) goes to its dead-letter queue
 *       at once, in the delivery's transaction, with the reason ({@link DeadLetters});
 *   <li>any other failure rolls the delivery back with one log line, and the broker redelivers it
 *       after its growing delay;
 *   <li>a delivery that commits sends a {@code MessageHandled} journey note to {@code ops.journey},
 *       in the same transaction ({@link JourneyNotes}): the note commits exactly when the handling
 *       does, so a retried delivery leaves one note, for the attempt that succeeded.
 * </ul>
 *
 * <p>A bean without a transaction ({@code NOT_SUPPORTED}, as Operations' own note listener) gets
 * the same dead-lettering; its other failures are thrown on to the resource adapter, which
 * redelivers, and it records no notes (notes about notes would never end).
 *
 * <p>Calls other than {@code onMessage(Message)} (a default interceptor also wraps the module's
 * session beans) pass straight through.
 */
public class ConsumerInterceptor {

    private static final System.Logger LOG = System.getLogger(ConsumerInterceptor.class.getName());

    /** Where journey notes go; Operations consumes them. */
    public static final String JOURNEY_QUEUE = "java:/jms/queue/ops.journey";

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connections;

    @Resource(lookup = JOURNEY_QUEUE)
    Queue journey;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Resource(lookup = "java:module/ModuleName")
    String module;

    @AroundInvoke
    public Object consume(InvocationContext invocation) throws Exception {
        var parameters = invocation.getParameters();
        if (!"onMessage".equals(invocation.getMethod().getName())
                || parameters.length != 1
                || !(parameters[0] instanceof Message message)) {
            return invocation.proceed();
        }
        var consumer = Consumer.of(invocation.getTarget().getClass(), module);
        var delivered = JourneyNotes.Delivered.of(message);
        try {
            var result = invocation.proceed();
            recordJourney(delivered, consumer);
            return result;
        } catch (UnreadableMessageException e) {
            deadLetter(message, e, consumer, delivered);
        } catch (ContractViolationException e) {
            // What this message translates into breaks the next contract: the same every time.
            deadLetter(message, UnreadableMessageException.of(e), consumer, delivered);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "{0} rolls back delivery {1}; the broker redelivers it: {2}",
                    consumer.label(),
                    IncomingMessage.describe(message),
                    e.toString());
            if (!inTransaction()) {
                throw e;
            }
            transactions.setRollbackOnly();
        }
        return null;
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
        try (var jms = connections.createContext()) {
            moved = new DeadLetters(jms, consumer.label()).reject(message, problem, consumer.subscription());
        }
        if (!moved) {
            if (!transacted) {
                throw new IllegalStateException("Cannot dead-letter " + IncomingMessage.describe(message), problem);
            }
            transactions.setRollbackOnly();
            return;
        }
        recordJourney(delivered, consumer);
    }

    private void recordJourney(JourneyNotes.Delivered delivered, Consumer consumer) {
        if (delivered == null || !inTransaction() || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return;
        }
        var mark = (JourneyMark.Mark) transactions.getResource(JourneyMark.OUTCOME);
        try (var jms = connections.createContext()) {
            JourneyNotes.send(jms, journey, delivered, consumer, mark);
        }
    }

    private boolean inTransaction() {
        return transactions.getTransactionKey() != null;
    }
}
