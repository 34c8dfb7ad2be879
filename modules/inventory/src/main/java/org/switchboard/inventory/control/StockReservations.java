package org.switchboard.inventory.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import org.switchboard.contracts.SagaMessage;
import org.switchboard.contracts.inventory.ReleaseStock;
import org.switchboard.contracts.inventory.ReserveStock;
import org.switchboard.contracts.inventory.StockLine;
import org.switchboard.contracts.inventory.StockReserved;
import org.switchboard.contracts.inventory.StockUnavailable;
import org.switchboard.inventory.entity.Reservation;
import org.switchboard.inventory.entity.ReservationState;
import org.switchboard.inventory.entity.ReservedLine;
import org.switchboard.inventory.entity.Stock;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.IdempotentConsumer;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.outbox.Delivery;

/**
 * Reserves and releases stock for order sagas. Each command is one local transaction: the claim of
 * its message id, the stock and reservation rows, and the reply in Inventory's outbox. One
 * reservation per saga makes the saga's commands idempotent beyond the message id: a repeated
 * {@code ReserveStock} (the saga retrying after a timeout) answers what was decided the first time,
 * and a {@code ReleaseStock} that overtakes its {@code ReserveStock} leaves a released reservation
 * behind, so the late command reserves nothing.
 */
@ApplicationScoped
public class StockReservations {

    private static final System.Logger LOG = System.getLogger(StockReservations.class.getName());

    /** Fault point: a ReserveStock fails before Inventory decides (it is redelivered, then dead-lettered). */
    public static final String FAULT_RESERVE = "inventory.reserve-stock";

    @PersistenceContext(unitName = "inventory")
    EntityManager em;

    @EJB
    InventoryOutbox outbox;

    @Resource(lookup = "java:/jms/queue/ordering.replies")
    Queue orderingReplies;

    @Transactional(Transactional.TxType.REQUIRED)
    public void reserve(IncomingMessage message, ReserveStock command) {
        if (!new IdempotentConsumer("inventory").claim(message)) {
            return;
        }
        FaultPoints.pass(FAULT_RESERVE, command.correlationId());
        var now = Instant.now();
        var reservation = em.find(Reservation.class, command.sagaId());
        if (reservation == null) {
            reservation = decide(command, now);
            em.persist(reservation);
        }
        reply(command, reservation);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void release(IncomingMessage message, ReleaseStock command) {
        if (!new IdempotentConsumer("inventory").claim(message)) {
            return;
        }
        var now = Instant.now();
        var reservation = em.find(Reservation.class, command.sagaId(), LockModeType.PESSIMISTIC_WRITE);
        if (reservation == null) {
            em.persist(Reservation.releasedBeforeMade(command.sagaId(), now));
            LOG.log(System.Logger.Level.INFO, "Saga {0}: released before it was reserved", command.sagaId());
            return;
        }
        for (var line : reservation.release(now)) {
            em.find(Stock.class, line.sku(), LockModeType.PESSIMISTIC_WRITE).putBack(line.quantity());
        }
    }

    /** All lines or none; stock rows locked in SKU order, so that two sagas never wait for each other in a circle. */
    private Reservation decide(ReserveStock command, Instant now) {
        var lines = command.lines().stream()
                .sorted(Comparator.comparing(StockLine::sku))
                .toList();
        for (var line : lines) {
            var stock = em.find(Stock.class, line.sku(), LockModeType.PESSIMISTIC_WRITE);
            if (stock == null) {
                return Reservation.refused(command.sagaId(), "Unknown SKU " + line.sku(), now);
            }
            if (!stock.covers(line.quantity())) {
                return Reservation.refused(
                        command.sagaId(),
                        "Only " + stock.available() + " of " + line.sku() + " available, " + line.quantity() + " asked",
                        now);
            }
        }
        for (var line : lines) {
            em.find(Stock.class, line.sku()).take(line.quantity());
        }
        return Reservation.reserved(
                command.sagaId(),
                lines.stream()
                        .map(line -> new ReservedLine(line.sku(), line.quantity()))
                        .toList(),
                now);
    }

    private void reply(ReserveStock command, Reservation reservation) {
        var id = replyId(command);
        SagaMessage reply = reservation.state() == ReservationState.RESERVED
                ? new StockReserved(id, Instant.now(), command.correlationId(), command.messageId(), command.sagaId())
                : new StockUnavailable(
                        id,
                        Instant.now(),
                        command.correlationId(),
                        command.messageId(),
                        command.sagaId(),
                        reservation.reason());
        outbox.add(reply, orderingReplies, Delivery.standard());
    }

    /** Derived from the command's id: the same command answered twice is the same reply. */
    private static UUID replyId(ReserveStock command) {
        return UUID.nameUUIDFromBytes(("inventory.reply:" + command.messageId()).getBytes(StandardCharsets.UTF_8));
    }
}
