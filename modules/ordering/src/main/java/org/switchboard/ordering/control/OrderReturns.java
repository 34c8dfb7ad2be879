package org.switchboard.ordering.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Topic;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.ordering.ReturnRequested;
import org.switchboard.contracts.ordering.ReturnedLine;
import org.switchboard.contracts.payments.ReturnRefundFailed;
import org.switchboard.contracts.payments.ReturnRefunded;
import org.switchboard.ids.Ids;
import org.switchboard.messaging.IdempotentConsumer;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.outbox.Delivery;
import org.switchboard.ordering.entity.PurchaseOrder;

/**
 * Ordering's part in a return, which nobody orchestrates: it accepts the request and announces
 * {@code ReturnRequested} on topic {@code ordering.events} (through its outbox, with the order's
 * new state), then only listens. Inventory restocks on hearing it, Payments refunds on hearing that,
 * and Ordering ends the return when it hears how the refund went. There is no return state beyond
 * the order's own; a duplicate or late event finds the order no longer waiting and changes nothing.
 */
@ApplicationScoped
public class OrderReturns {

    private static final System.Logger LOG = System.getLogger(OrderReturns.class.getName());

    @PersistenceContext(unitName = "ordering")
    EntityManager em;

    @EJB
    OrderingOutbox outbox;

    @Resource(lookup = "java:/jms/topic/ordering.events")
    Topic events;

    /**
     * Accepts a return of a returnable order, locked by the caller, in the caller's transaction:
     * the order's new state and {@code ReturnRequested} in the outbox commit together.
     *
     * @return the return's id, which every event of the return carries
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID request(PurchaseOrder order, UUID correlationId) {
        var now = Instant.now();
        var returnId = Ids.next();
        order.requestReturn(returnId, now);
        outbox.add(
                new ReturnRequested(
                        Ids.next(),
                        now,
                        correlationId,
                        returnId,
                        returnId,
                        order.id(),
                        order.lines().stream()
                                .map(line -> new ReturnedLine(line.sku(), line.quantity()))
                                .toList()),
                events,
                Delivery.standard());
        return returnId;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void refunded(IncomingMessage message, ReturnRefunded event) {
        if (!new IdempotentConsumer("ordering").claim(message)) {
            return;
        }
        var order = em.find(PurchaseOrder.class, event.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order == null || !order.returned(event.returnId(), Instant.now())) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "Return {0}: refunded, but the order is not waiting for it",
                    event.returnId());
        }
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void refundFailed(IncomingMessage message, ReturnRefundFailed event) {
        if (!new IdempotentConsumer("ordering").claim(message)) {
            return;
        }
        var order = em.find(PurchaseOrder.class, event.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order == null || !order.returnRejected(event.returnId(), event.reason(), Instant.now())) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "Return {0}: refund failed, but the order is not waiting for it",
                    event.returnId());
        }
    }
}
