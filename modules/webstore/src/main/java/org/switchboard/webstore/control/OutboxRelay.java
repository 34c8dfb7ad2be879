package org.switchboard.webstore.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.outbox.BatchSend;

/**
 * Publishes the outbox on topic {@code webstore.events}: at least once, in the order the messages
 * were written within each batch, with the message id and headers they were stored with, so a
 * message sent twice (a crash between send and delete) is the same message and consumers'
 * idempotency absorbs it.
 *
 * <p>It runs right after a transaction that wrote to the outbox commits, and every second, for
 * messages left by a crash, an outage or another node. No transaction spans the database and the
 * broker: a batch is leased in one short database transaction, sent in one transaction of the
 * broker alone ({@link BatchSend}: one journal sync for the batch), and deleted in another. Several nodes share the outbox through
 * {@code FOR UPDATE SKIP LOCKED} and the lease. When the database or the broker is unavailable, it
 * says so once and tries again every second.
 */
@Singleton
@DependsOn("WebstoreSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());
    static final int BATCH = 50;

    /** Long enough for a batch to be sent; a relay that dies holding one delays it by this much. */
    static final Duration LEASE = Duration.ofSeconds(30);

    /** Fault point: a message taken from the outbox fails before it is sent (it stays in the outbox). */
    public static final String FAULT_BEFORE_SEND = "webstore.outbox.before-send";

    /** Fault point: a message was sent but the relay fails before deleting it (it is sent again). */
    public static final String FAULT_AFTER_SEND = "webstore.outbox.after-send";

    @Inject
    Outbox outbox;

    @Resource(lookup = "java:/jms/topic/webstore.events")
    Topic events;

    @Resource
    SessionContext session;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();

    public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxMessageAdded added) {
        kick();
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "outbox sweep")
    void sweep() {
        kick();
    }

    private void kick() {
        requested.set(true);
        session.getBusinessObject(OutboxRelay.class).drain();
    }

    /** Runs on the EJB container's asynchronous pool; one run per node at a time, repeated while asked for. */
    @Asynchronous
    @ActivateRequestContext
    public void drain() {
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
        try {
            int claimed;
            do {
                claimed = publishBatch();
            } while (claimed == BATCH);
            if (failing.compareAndSet(true, false)) {
                LOG.log(System.Logger.Level.INFO, "Outbox relay publishes again");
            }
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Outbox relay cannot publish, retrying every second: {0}",
                        String.valueOf(e));
            } else {
                LOG.log(System.Logger.Level.DEBUG, "Outbox relay still cannot publish: {0}", String.valueOf(e));
            }
        }
    }

    private int publishBatch() {
        var batch = outbox.claim(BATCH, LEASE);
        var published = new ArrayList<Long>();
        try {
            BatchSend.send(
                    "webstore", // its own factory, under its broker identity (ADR 0010)
                    batch,
                    (sender, pending) -> {
                        FaultPoints.pass(FAULT_BEFORE_SEND, pending.correlationId());
                        sender.send(events, pending.envelope());
                    },
                    pending -> {
                        // As if the relay died here: sent, not deleted, so it goes out again.
                        FaultPoints.pass(FAULT_AFTER_SEND, pending.correlationId());
                        published.add(pending.id());
                    });
        } finally {
            if (!batch.isEmpty()) {
                var unpublished = batch.stream()
                        .map(Outbox.Pending::id)
                        .filter(id -> !published.contains(id))
                        .toList();
                outbox.settle(published, unpublished);
            }
        }
        if (!published.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, "Outbox relay published {0} message(s)", published.size());
        }
        return batch.size();
    }
}
