package org.switchboard.ordering.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Topic;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.Message;
import org.switchboard.contracts.ordering.OrderCancelled;
import org.switchboard.contracts.ordering.OrderConfirmed;
import org.switchboard.messaging.outbox.Delivery;
import org.switchboard.ordering.entity.OrderSaga;
import org.switchboard.ordering.entity.PurchaseOrder;

/**
 * Announces how an order's saga ended, {@code OrderConfirmed} or {@code OrderCancelled} on topic
 * {@code ordering.events}, through Ordering's outbox in the transaction that ends the saga: the
 * order's final state and the event commit together or not at all. The message id is derived from
 * the order, so the one ending of an order is one message however often it is relayed.
 */
@ApplicationScoped
public class OrderOutcomes {

    @EJB
    OrderingOutbox outbox;

    @Resource(lookup = "java:/jms/topic/ordering.events")
    Topic events;

    @Transactional(Transactional.TxType.MANDATORY)
    public void ended(OrderSaga saga, PurchaseOrder order, UUID causationId, Instant now) {
        Message event = switch (saga.state()) {
            case CONFIRMED ->
                new OrderConfirmed(
                        id(OrderConfirmed.TYPE, order),
                        now,
                        order.correlationId(),
                        causationId,
                        order.id(),
                        order.customerId(),
                        order.total(),
                        order.currency());
            case CANCELLED ->
                new OrderCancelled(
                        id(OrderCancelled.TYPE, order),
                        now,
                        order.correlationId(),
                        causationId,
                        order.id(),
                        order.customerId(),
                        saga.reason() == null ? "" : saga.reason());
            default -> throw new IllegalStateException("Saga " + saga.id() + " has not ended: " + saga.state());
        };
        outbox.add(event, events, Delivery.standard());
    }

    static UUID id(String type, PurchaseOrder order) {
        return UUID.nameUUIDFromBytes((type + "/" + order.id()).getBytes(StandardCharsets.UTF_8));
    }
}
