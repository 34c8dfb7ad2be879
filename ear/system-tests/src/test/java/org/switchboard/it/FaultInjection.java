package org.switchboard.it;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.Queue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.contracts.Message;
import org.switchboard.messaging.ContractViolationException;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.JsonMessages;
import org.switchboard.messaging.MessageType;
import org.switchboard.messaging.schema.SchemaViolation;

/**
 * The in-container tests' fault harness: arms the contexts' named fault points
 * ({@link FaultPoints}) for one correlation id, so that the next passes throw, and records when the
 * flow passed them; delivers a message twice or two in reverse order. {@link CommitFaults} fails a
 * transaction inside its commit. It exists only in the test deployment: the product EAR carries the points'
 * no-op hook, never this class. The first {@link #arm} installs it, which the server refuses unless
 * {@code switchboard.fault-injection.enabled} is true (arquillian.xml sets it).
 */
public final class FaultInjection {

    private static final Map<String, Fault> ARMED = new ConcurrentHashMap<>();

    private FaultInjection() {}

    /** Makes the next {@code failures} passes through {@code point} for this correlation id throw. */
    public static Fault arm(String point, UUID correlationId, int failures) {
        return arm(point, correlationId, failures, false);
    }

    /**
     * As {@link #arm}, but each failure looks like an unreachable database (its cause is a
     * {@link java.sql.SQLTransientConnectionException}), as during an outage.
     */
    public static Fault armOutage(String point, UUID correlationId, int failures) {
        return arm(point, correlationId, failures, true);
    }

    /**
     * As {@link #arm}, but a pass does not throw: it marks the current transaction for rollback and
     * returns, as IronJacamar does when a connection breaks and Hibernate's {@code find} then
     * swallows the failure (HHH-12472). The code after the point carries on as if all went well.
     */
    public static Fault armSilentRollback(String point, UUID correlationId, int failures) {
        return arm(point, correlationId, failures, Kind.SILENT_ROLLBACK);
    }

    /**
     * After the first {@code skipped} passes, every pass through {@code point} for this correlation id
     * throws a {@link ContractViolationException}, as the outbox does for a message that breaks its
     * schema ({@code TransactionalOutbox.faultOnAdd}).
     */
    public static Fault armContractViolation(String point, UUID correlationId, int skipped) {
        return arm(point, correlationId, Integer.MAX_VALUE, Kind.CONTRACT_VIOLATION, skipped);
    }

    private static Fault arm(String point, UUID correlationId, int failures, boolean outage) {
        return arm(point, correlationId, failures, outage ? Kind.OUTAGE : Kind.FAILURE);
    }

    private static Fault arm(String point, UUID correlationId, int failures, Kind kind) {
        return arm(point, correlationId, failures, kind, 0);
    }

    private static Fault arm(String point, UUID correlationId, int failures, Kind kind, int skipped) {
        FaultPoints.install(FaultInjection::check);
        var fault = new Fault(point, correlationId, failures, kind, skipped);
        ARMED.put(key(point, correlationId), fault);
        return fault;
    }

    /** Sends a contract message to a queue (or publishes it on a topic), as its producer would. */
    public static void deliver(ConnectionFactory connections, Destination destination, Message message) {
        try (var context = connections.createContext()) {
            context.createProducer().send(destination, JsonMessages.toTextMessage(context, message));
        }
    }

    /** The same message (the same message id) twice, as an at-least-once broker may deliver it. */
    public static void deliverTwice(ConnectionFactory connections, Destination destination, Message message) {
        deliver(connections, destination, message);
        deliver(connections, destination, message);
    }

    /** Two messages in the reverse of the order they were made in: {@code second} first. */
    public static void deliverReordered(ConnectionFactory connections, Queue queue, Message first, Message second) {
        deliver(connections, queue, second);
        deliver(connections, queue, first);
    }

    public static void disarm(Fault fault) {
        ARMED.remove(key(fault.point(), fault.correlationId()));
    }

    private static void check(String point, UUID correlationId) {
        var fault = ARMED.get(key(point, correlationId));
        if (fault != null) {
            fault.pass();
        }
    }

    private static String key(String point, UUID correlationId) {
        return point + '|' + correlationId;
    }

    /** One armed fault: how often it still fires and when it was passed. */
    public static final class Fault {
        private final String point;
        private final UUID correlationId;
        private final AtomicInteger remaining;
        private final Kind kind;
        private final AtomicInteger skipped;
        private final List<Instant> passes = new CopyOnWriteArrayList<>();

        Fault(String point, UUID correlationId, int failures, Kind kind, int skipped) {
            this.point = point;
            this.correlationId = correlationId;
            this.remaining = new AtomicInteger(failures);
            this.kind = kind;
            this.skipped = new AtomicInteger(skipped);
        }

        void pass() {
            passes.add(Instant.now());
            if (skipped.getAndDecrement() > 0) {
                return;
            }
            if (remaining.getAndDecrement() > 0) {
                if (kind == Kind.SILENT_ROLLBACK) {
                    markForRollback();
                    return;
                }
                if (kind == Kind.CONTRACT_VIOLATION) {
                    throw new ContractViolationException(
                            new MessageType("injected." + point, 1),
                            List.of(new SchemaViolation("injected", "fault", "injected at " + point)));
                }
                var fault = new InjectedFault(point, correlationId, passes.size());
                if (kind == Kind.OUTAGE) {
                    fault.initCause(new java.sql.SQLTransientConnectionException("Injected outage", "08006"));
                }
                throw fault;
            }
        }

        public String point() {
            return point;
        }

        public UUID correlationId() {
            return correlationId;
        }

        /** When the flow reached this point, one entry per attempt, failed or not. */
        public List<Instant> passes() {
            return List.copyOf(passes);
        }
    }

    private enum Kind {
        FAILURE,
        OUTAGE,
        SILENT_ROLLBACK,
        CONTRACT_VIOLATION
    }

    private static void markForRollback() {
        try {
            ((jakarta.transaction.TransactionSynchronizationRegistry)
                            new javax.naming.InitialContext().lookup("java:jboss/TransactionSynchronizationRegistry"))
                    .setRollbackOnly();
        } catch (javax.naming.NamingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The failure a test asked for. */
    public static final class InjectedFault extends RuntimeException {
        InjectedFault(String point, UUID correlationId, int attempt) {
            super("Injected fault at " + point + " for correlation " + correlationId + " (attempt " + attempt + ")");
        }
    }
}
