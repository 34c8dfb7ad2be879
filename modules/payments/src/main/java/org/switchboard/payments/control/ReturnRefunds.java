package org.switchboard.payments.control;

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
import java.util.UUID;
import org.switchboard.contracts.Message;
import org.switchboard.contracts.inventory.StockRestocked;
import org.switchboard.contracts.payments.ReturnRefundFailed;
import org.switchboard.contracts.payments.ReturnRefunded;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.IdempotentConsumer;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.outbox.Delivery;
import org.switchboard.payments.entity.Account;
import org.switchboard.payments.entity.Authorisation;
import org.switchboard.payments.entity.AuthorisationState;
import org.switchboard.payments.entity.Refund;
import org.switchboard.payments.entity.RefundHold;
import org.switchboard.payments.entity.RefundOutcome;

/**
 * Payments' part in a return: when Inventory has restocked ({@code StockRestocked}), it gives back
 * the order's authorised amount and says so on topic {@code payments.events}, or says why it
 * cannot ({@code ReturnRefundFailed}: no authorisation held for the order, or the customer's refunds
 * are on hold), which the others compensate. The payment provider gives the money back first
 * ({@link #refundable}, then the call, outside any transaction); then one local transaction per event: the claim, the
 * refund, authorisation and account rows, and the event in the outbox. One refund per return (and
 * per order) makes a second event of the same return change nothing.
 */
@ApplicationScoped
public class ReturnRefunds {

    private static final System.Logger LOG = System.getLogger(ReturnRefunds.class.getName());

    /** Fault point: a StockRestocked fails before Payments decides (it is redelivered, then dead-lettered). */
    public static final String FAULT_REFUND = "payments.refund-return";

    @PersistenceContext(unitName = "payments")
    EntityManager em;

    @EJB
    PaymentsOutbox outbox;

    @Resource(lookup = "java:/jms/topic/payments.events")
    Topic events;

    /**
     * The saga whose authorisation this return would refund, if it would: the provider is asked to
     * give the money back before {@link #refund} records it (a provider that cannot answer defers
     * the event, and nothing is recorded). Empty when the return is decided already or would be
     * refused.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public java.util.Optional<UUID> refundable(StockRestocked event) {
        if (decidedBefore(event)) {
            return java.util.Optional.empty();
        }
        return em.createNamedQuery(Authorisation.OF_ORDER, Authorisation.class)
                .setParameter("orderId", event.orderId())
                .getResultStream()
                .filter(authorisation -> authorisation.state() == AuthorisationState.AUTHORISED)
                .filter(authorisation -> em.find(RefundHold.class, authorisation.customerId()) == null)
                .map(Authorisation::sagaId)
                .findFirst();
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void refund(IncomingMessage message, StockRestocked event) {
        if (!new IdempotentConsumer("payments").claim(message)) {
            return;
        }
        FaultPoints.pass(FAULT_REFUND, event.correlationId());
        if (decidedBefore(event)) {
            LOG.log(System.Logger.Level.INFO, "Return {0}: decided before, nothing to do", event.returnId());
            return;
        }
        var refund = decide(event, Instant.now());
        em.persist(refund);
        outbox.add(announcement(event, refund), events, Delivery.standard());
    }

    private boolean decidedBefore(StockRestocked event) {
        return em.find(Refund.class, event.returnId()) != null
                || !em.createNamedQuery(Refund.OF_ORDER, Refund.class)
                        .setParameter("orderId", event.orderId())
                        .getResultList()
                        .isEmpty();
    }

    private Refund decide(StockRestocked event, Instant now) {
        var authorisation = em.createNamedQuery(Authorisation.OF_ORDER, Authorisation.class)
                .setParameter("orderId", event.orderId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (authorisation == null || authorisation.state() != AuthorisationState.AUTHORISED) {
            return Refund.refused(
                    event.returnId(),
                    event.orderId(),
                    authorisation == null
                            ? "No authorisation for order " + event.orderId()
                            : "The authorisation of order " + event.orderId() + " is " + authorisation.state(),
                    now);
        }
        var hold = em.find(RefundHold.class, authorisation.customerId());
        if (hold != null) {
            return Refund.refused(
                    event.returnId(), event.orderId(), "Refunds to this customer are on hold: " + hold.reason(), now);
        }
        var amount = authorisation.refund(now);
        em.find(Account.class, authorisation.customerId(), LockModeType.PESSIMISTIC_WRITE)
                .release(amount);
        return Refund.refunded(event.returnId(), event.orderId(), amount, now);
    }

    private static Message announcement(StockRestocked event, Refund refund) {
        var now = Instant.now();
        return refund.outcome() == RefundOutcome.REFUNDED
                ? new ReturnRefunded(
                        eventId("payments.ReturnRefunded", event.returnId()),
                        now,
                        event.correlationId(),
                        event.messageId(),
                        event.returnId(),
                        event.orderId(),
                        refund.amount())
                : new ReturnRefundFailed(
                        eventId("payments.ReturnRefundFailed", event.returnId()),
                        now,
                        event.correlationId(),
                        event.messageId(),
                        event.returnId(),
                        event.orderId(),
                        refund.reason());
    }

    /** Derived from the return: the same fact about the same return is the same message. */
    private static UUID eventId(String type, UUID returnId) {
        return UUID.nameUUIDFromBytes((type + ":" + returnId).getBytes(StandardCharsets.UTF_8));
    }
}
