package org.switchboard.ordering.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.switchboard.contracts.inventory.ReleaseStock;
import org.switchboard.contracts.inventory.ReserveStock;
import org.switchboard.contracts.inventory.StockLine;
import org.switchboard.contracts.ordering.SagaTimeout;
import org.switchboard.contracts.payments.AuthorisePayment;
import org.switchboard.contracts.payments.RefundPayment;
import org.switchboard.contracts.shipping.ArrangeShipment;
import org.switchboard.ids.Ids;
import org.switchboard.messaging.outbox.Delivery;
import org.switchboard.ordering.entity.OrderSaga;
import org.switchboard.ordering.entity.PurchaseOrder;
import org.switchboard.ordering.entity.SagaAction;

/**
 * Turns the saga's actions into commands in Ordering's outbox, in the caller's transaction. Each
 * step's command goes with its {@code SagaTimeout}, delivered to Ordering's own queue after the
 * step's timeout. Express orders' commands travel at a higher JMS priority. An AuthorisePayment
 * carries a time-to-live: not taken up in time, it expires to Ordering's queue
 * {@code ordering.expired}, which cancels the saga with the reason.
 */
@ApplicationScoped
public class SagaCommands {

    static final int EXPRESS_PRIORITY = 7;

    @EJB
    OrderingOutbox outbox;

    @Resource(lookup = "java:/jms/queue/inventory.commands")
    Queue inventory;

    @Resource(lookup = "java:/jms/queue/payments.commands")
    Queue payments;

    @Resource(lookup = "java:/jms/queue/shipping.commands")
    Queue shipping;

    @Resource(lookup = "java:/jms/queue/ordering.replies")
    Queue replies;

    /** Sends the actions in their order; {@code causationId} is the reply, timeout or request that caused them. */
    @Inject
    SagaSettings settings;

    public void send(
            OrderSaga saga, PurchaseOrder order, List<SagaAction> actions, UUID causationId, Duration stepTimeout) {
        var delivery = order.express() ? Delivery.standard().withPriority(EXPRESS_PRIORITY) : Delivery.standard();
        for (var action : actions) {
            var now = Instant.now();
            var correlation = order.correlationId();
            switch (action) {
                case RESERVE_STOCK ->
                    outbox.add(
                            new ReserveStock(
                                    Ids.next(),
                                    now,
                                    correlation,
                                    causationId,
                                    saga.id(),
                                    order.id(),
                                    order.lines().stream()
                                            .map(line -> new StockLine(line.sku(), line.quantity()))
                                            .toList()),
                            inventory,
                            delivery);
                case AUTHORISE_PAYMENT ->
                    outbox.add(
                            new AuthorisePayment(
                                    Ids.next(),
                                    now,
                                    correlation,
                                    causationId,
                                    saga.id(),
                                    order.id(),
                                    order.customerId(),
                                    order.total(),
                                    order.currency()),
                            payments,
                            delivery.expiringAfter(settings.paymentTimeToLive()));
                case ARRANGE_SHIPMENT ->
                    outbox.add(
                            new ArrangeShipment(
                                    Ids.next(),
                                    now,
                                    correlation,
                                    causationId,
                                    saga.id(),
                                    order.id(),
                                    order.customerId(),
                                    order.express(),
                                    order.attachment()
                                            .map(document -> new ArrangeShipment.Attachment(
                                                    document.claimId(),
                                                    document.sha256(),
                                                    document.size(),
                                                    document.mediaType()))
                                            .orElse(null)),
                            shipping,
                            delivery);
                case RELEASE_STOCK ->
                    outbox.add(
                            new ReleaseStock(Ids.next(), now, correlation, causationId, saga.id(), order.id()),
                            inventory,
                            delivery);
                case REFUND_PAYMENT ->
                    outbox.add(
                            new RefundPayment(Ids.next(), now, correlation, causationId, saga.id(), order.id()),
                            payments,
                            delivery);
            }
            if (action.forward()) {
                outbox.add(
                        new SagaTimeout(
                                Ids.next(),
                                now,
                                correlation,
                                causationId,
                                saga.id(),
                                saga.state().name(),
                                saga.attempt()),
                        replies,
                        Delivery.standard().delayedBy(stepTimeout));
            }
        }
    }
}
