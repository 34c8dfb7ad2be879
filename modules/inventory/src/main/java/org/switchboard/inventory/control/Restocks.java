package org.switchboard.inventory.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Topic;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.switchboard.contracts.inventory.RestockReversed;
import org.switchboard.contracts.inventory.StockRestocked;
import org.switchboard.contracts.ordering.ReturnRequested;
import org.switchboard.contracts.payments.ReturnRefundFailed;
import org.switchboard.inventory.entity.Restock;
import org.switchboard.inventory.entity.RestockedLine;
import org.switchboard.inventory.entity.Stock;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.IdempotentConsumer;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.outbox.Delivery;

/**
 * Inventory's part in a return: it restocks what comes back when it hears {@code ReturnRequested},
 * and takes it back out when it hears {@code ReturnRefundFailed} (the return's compensation). Each
 * event is one local transaction: its claim, the stock and restock rows, and Inventory's own event
 * on topic {@code inventory.events} in the outbox. One restock per return (and per order) makes a
 * second event of the same return change nothing; a reversal that cannot be applied (the goods were
 * sold again meanwhile) fails, is redelivered, and ends in the dead-letter queue, which alerts.
 */
@ApplicationScoped
public class Restocks {

    private static final System.Logger LOG = System.getLogger(Restocks.class.getName());

    /** Fault point: a ReturnRequested fails before Inventory restocks (it is redelivered, then dead-lettered). */
    public static final String FAULT_RESTOCK = "inventory.restock";

    @PersistenceContext(unitName = "inventory")
    EntityManager em;

    @EJB
    InventoryOutbox outbox;

    @Resource(lookup = "java:/jms/topic/inventory.events")
    Topic events;

    @Transactional(Transactional.TxType.REQUIRED)
    public void restock(IncomingMessage message, ReturnRequested event) {
        if (!new IdempotentConsumer("inventory").claim(message)) {
            return;
        }
        FaultPoints.pass(FAULT_RESTOCK, event.correlationId());
        if (em.find(Restock.class, event.returnId()) != null
                || !em.createNamedQuery(Restock.OF_ORDER, Restock.class)
                        .setParameter("orderId", event.orderId())
                        .getResultList()
                        .isEmpty()) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "Return {0}: restocked or reversed before, nothing to do",
                    event.returnId());
            return;
        }
        var now = Instant.now();
        var lines = sorted(event.lines().stream()
                .map(line -> new RestockedLine(line.sku(), line.quantity()))
                .toList());
        for (var line : lines) {
            stock(line.sku()).putBack(line.quantity());
        }
        em.persist(Restock.restocked(event.returnId(), event.orderId(), lines, now));
        outbox.add(
                new StockRestocked(
                        eventId("inventory.StockRestocked", event.returnId()),
                        now,
                        event.correlationId(),
                        event.messageId(),
                        event.returnId(),
                        event.orderId()),
                events,
                Delivery.standard());
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void reverse(IncomingMessage message, ReturnRefundFailed event) {
        if (!new IdempotentConsumer("inventory").claim(message)) {
            return;
        }
        var now = Instant.now();
        var restock = em.find(Restock.class, event.returnId(), LockModeType.PESSIMISTIC_WRITE);
        if (restock == null) {
            em.persist(Restock.reversedBeforeMade(event.returnId(), event.orderId(), now));
            LOG.log(System.Logger.Level.INFO, "Return {0}: reversed before it was restocked", event.returnId());
            return;
        }
        var lines = restock.reverse(now);
        if (lines.isEmpty()) {
            return;
        }
        for (var line : sorted(lines)) {
            stock(line.sku()).take(line.quantity());
        }
        outbox.add(
                new RestockReversed(
                        eventId("inventory.RestockReversed", event.returnId()),
                        now,
                        event.correlationId(),
                        event.messageId(),
                        event.returnId(),
                        event.orderId()),
                events,
                Delivery.standard());
    }

    /** Locked in SKU order, like reservations, so that two transactions never wait for each other in a circle. */
    private static List<RestockedLine> sorted(List<RestockedLine> lines) {
        return lines.stream().sorted(Comparator.comparing(RestockedLine::sku)).toList();
    }

    private Stock stock(String sku) {
        var stock = em.find(Stock.class, sku, LockModeType.PESSIMISTIC_WRITE);
        if (stock == null) {
            throw new IllegalStateException("No stock row for SKU " + sku);
        }
        return stock;
    }

    /** Derived from the return: the same fact about the same return is the same message. */
    private static UUID eventId(String type, UUID returnId) {
        return UUID.nameUUIDFromBytes((type + ":" + returnId).getBytes(StandardCharsets.UTF_8));
    }
}
