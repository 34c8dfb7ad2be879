package org.switchboard.ordering.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import javax.sql.DataSource;
import org.switchboard.contracts.SagaMessage;
import org.switchboard.contracts.inventory.StockReserved;
import org.switchboard.contracts.inventory.StockUnavailable;
import org.switchboard.contracts.ordering.RedriveSaga;
import org.switchboard.contracts.ordering.SagaTimeout;
import org.switchboard.contracts.payments.PaymentAuthorised;
import org.switchboard.contracts.payments.PaymentDeclined;
import org.switchboard.contracts.shipping.ShipmentArranged;
import org.switchboard.contracts.shipping.ShipmentFailed;
import org.switchboard.ids.Ids;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.IdempotentConsumer;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.claims.ClaimCheck;
import org.switchboard.ordering.entity.OrderSaga;
import org.switchboard.ordering.entity.PurchaseOrder;
import org.switchboard.ordering.entity.SagaAction;
import org.switchboard.ordering.entity.SagaEvent;
import org.switchboard.ordering.entity.SagaRedrive;
import org.switchboard.ordering.entity.SagaState;
import org.switchboard.ordering.entity.SagaStep;
import org.switchboard.ordering.entity.Transition;

/**
 * Runs order sagas. Each step is one local transaction: the claim of the reply's message id, the
 * saga's new state (checked against its version at commit), a line of its history, the order's
 * state, and the next commands with their timeout in Ordering's outbox. A concurrent reply for the
 * same saga fails that commit and is redelivered; it then finds the saga moved on, and changes
 * nothing.
 */
@ApplicationScoped
public class OrderSagas {

    private static final System.Logger LOG = System.getLogger(OrderSagas.class.getName());

    /** Fault point: after a reply changed the saga and its commands are in the outbox, before commit. */
    public static final String FAULT_AFTER_STEP = "ordering.saga.after-step";

    @PersistenceContext(unitName = "ordering")
    EntityManager em;

    @Inject
    SagaCommands commands;

    @Inject
    SagaSettings settings;

    @Inject
    OrderOutcomes outcomes;

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    /** Starts the saga of a new order, in the order's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OrderSaga start(PurchaseOrder order) {
        var now = Instant.now();
        var saga = new OrderSaga(Ids.next(), order.id(), now, settings.stepTimeout());
        em.persist(saga);
        em.persist(new SagaStep(saga.id(), now, saga.state(), "Order placed"));
        commands.send(
                saga,
                order,
                java.util.List.of(SagaAction.RESERVE_STOCK),
                order.correlationId(),
                settings.stepTimeout());
        return saga;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void handle(IncomingMessage message, SagaMessage reply) {
        if (!new IdempotentConsumer("ordering").claim(message)) {
            return;
        }
        var saga = em.find(OrderSaga.class, reply.sagaId());
        if (saga == null) {
            LOG.log(System.Logger.Level.WARNING, "No saga {0} for {1}: ignored", reply.sagaId(), message);
            return;
        }
        var now = Instant.now();
        apply(saga, transition(saga, reply, now), message, reply, now);
    }

    /**
     * One of the saga's own commands expired unattempted and the broker moved it to Ordering's
     * expiry queue: the saga gives up that step with the reason (compensating what is done), in one
     * local transaction with the compensations in the outbox, like a reply.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void expired(IncomingMessage message, SagaMessage command, SagaAction action) {
        if (!new IdempotentConsumer("ordering").claim(message)) {
            return;
        }
        var saga = em.find(OrderSaga.class, command.sagaId());
        if (saga == null) {
            LOG.log(System.Logger.Level.WARNING, "No saga {0} for expired {1}: ignored", command.sagaId(), message);
            return;
        }
        var now = Instant.now();
        apply(saga, saga.onExpired(action, now), message, command, now);
    }

    /**
     * Operations' approved re-drive of a stuck saga: resend the pending step's command or force the
     * compensation, in one local transaction like a reply. Its message id is the four-eyes request's,
     * so a re-drive sent twice is applied once; a saga that ended meanwhile stays as it is, and the
     * outcome either way is a line of the saga's history.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void redrive(IncomingMessage message, RedriveSaga command) {
        if (!new IdempotentConsumer("ordering").claim(message)) {
            return;
        }
        var saga = em.find(OrderSaga.class, command.sagaId());
        if (saga == null) {
            LOG.log(System.Logger.Level.WARNING, "No saga {0} to re-drive for {1}: ignored", command.sagaId(), message);
            return;
        }
        var now = Instant.now();
        var why = "request " + command.messageId() + " by " + command.requestedBy() + ", approved by "
                + command.approvedBy() + ": " + command.reason();
        apply(
                saga,
                saga.redrive(SagaRedrive.valueOf(command.action()), why, now, settings.stepTimeout()),
                message,
                command,
                now);
    }

    private void apply(OrderSaga saga, Transition transition, IncomingMessage message, SagaMessage cause, Instant now) {
        em.persist(new SagaStep(saga.id(), now, saga.state(), message.type() + ": " + transition.note()));
        if (!transition.changed()) {
            LOG.log(System.Logger.Level.INFO, "Saga {0}: {1}", saga.id(), transition.note());
            return;
        }
        var order = em.find(PurchaseOrder.class, saga.orderId());
        order.follow(saga.state(), now);
        commands.send(saga, order, transition.actions(), cause.messageId(), settings.stepTimeout());
        if (saga.state().ended()) {
            outcomes.ended(saga, order, cause.messageId(), now);
            // The order's document has served its purpose (Shipping fetched it, or never will):
            // gone from the claim store in the transaction that ends the saga.
            order.attachment().ifPresent(document -> new ClaimCheck(dataSource).delete(document.claimId()));
        }
        FaultPoints.pass(FAULT_AFTER_STEP, cause.correlationId());
    }

    private Transition transition(OrderSaga saga, SagaMessage reply, Instant now) {
        var timeout = settings.stepTimeout();
        if (reply instanceof SagaTimeout deadline) {
            return saga.onTimeout(
                    SagaState.valueOf(deadline.step()), deadline.attempt(), settings.stepAttempts(), now, timeout);
        }
        if (reply instanceof StockReserved) {
            return saga.on(SagaEvent.STOCK_RESERVED, "", now, timeout);
        }
        if (reply instanceof StockUnavailable unavailable) {
            return saga.on(SagaEvent.STOCK_UNAVAILABLE, unavailable.reason(), now, timeout);
        }
        if (reply instanceof PaymentAuthorised authorised) {
            var transition = saga.on(SagaEvent.PAYMENT_AUTHORISED, "", now, timeout);
            if (transition.changed()) {
                saga.recordAuthorisation(authorised.authorisationId());
            }
            return transition;
        }
        if (reply instanceof PaymentDeclined declined) {
            return saga.on(SagaEvent.PAYMENT_DECLINED, declined.reason(), now, timeout);
        }
        if (reply instanceof ShipmentArranged arranged) {
            var transition = saga.on(SagaEvent.SHIPMENT_ARRANGED, "", now, timeout);
            if (transition.changed()) {
                saga.recordShipment(arranged.shipmentId());
            }
            return transition;
        }
        if (reply instanceof ShipmentFailed failed) {
            return saga.on(SagaEvent.SHIPMENT_FAILED, failed.reason(), now, timeout);
        }
        throw new IllegalArgumentException("Not a reply to an order saga: " + reply.getClass());
    }
}
