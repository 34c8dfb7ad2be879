package org.switchboard.shipping.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.switchboard.contracts.SagaMessage;
import org.switchboard.contracts.shipping.ArrangeShipment;
import org.switchboard.contracts.shipping.ShipmentArranged;
import org.switchboard.contracts.shipping.ShipmentFailed;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.IdempotentConsumer;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.claims.ClaimCheck;
import org.switchboard.messaging.claims.ClaimReference;
import org.switchboard.messaging.outbox.Delivery;
import org.switchboard.shipping.entity.Shipment;
import org.switchboard.shipping.entity.ShipmentState;

/** Arranges a shipment per saga: claim, decision and reply in one local transaction. */
@ApplicationScoped
public class ShipmentArrangements {

    /** Fault point: an ArrangeShipment fails before Shipping decides (redelivered, then dead-lettered). */
    public static final String FAULT_ARRANGE = "shipping.arrange-shipment";

    @PersistenceContext(unitName = "shipping")
    EntityManager em;

    @EJB
    ShippingOutbox outbox;

    @Resource(lookup = "java:/jms/queue/ordering.replies")
    Queue orderingReplies;

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @Transactional(Transactional.TxType.REQUIRED)
    public void arrange(IncomingMessage message, ArrangeShipment command) {
        if (!new IdempotentConsumer("shipping").claim(message)) {
            return;
        }
        FaultPoints.pass(FAULT_ARRANGE, command.correlationId());
        var shipment = em.find(Shipment.class, command.sagaId());
        if (shipment == null) {
            // The order's document, by claim check: fetched and verified, or the command is
            // dead-lettered with CLAIM_MISSING or CLAIM_CORRUPT (nothing is arranged without it).
            var document = command.attachment() == null
                    ? null
                    : new ClaimCheck(dataSource)
                            .fetch(new ClaimReference(
                                    command.attachment().claimId(),
                                    command.attachment().sha256(),
                                    command.attachment().size(),
                                    command.attachment().mediaType()));
            shipment = new Shipment(
                    command.sagaId(),
                    command.orderId(),
                    command.customerId(),
                    command.express(),
                    refusal(command.customerId()),
                    Instant.now());
            if (document != null) {
                shipment.received(command.attachment().sha256(), document.length);
            }
            em.persist(shipment);
        }
        var id = UUID.nameUUIDFromBytes(("shipping.reply:" + command.messageId()).getBytes(StandardCharsets.UTF_8));
        SagaMessage reply = shipment.state() == ShipmentState.ARRANGED
                ? new ShipmentArranged(
                        id,
                        Instant.now(),
                        command.correlationId(),
                        command.messageId(),
                        command.sagaId(),
                        shipment.shipmentId())
                : new ShipmentFailed(
                        id,
                        Instant.now(),
                        command.correlationId(),
                        command.messageId(),
                        command.sagaId(),
                        shipment.reason());
        outbox.add(reply, orderingReplies, Delivery.standard());
    }

    /** Why the carrier cannot take it, or null. */
    private String refusal(UUID customerId) {
        var reasons = em.createNativeQuery(
                        "select reason from shipping.undeliverable_customer where customer_id = ?1", String.class)
                .setParameter(1, customerId)
                .getResultList();
        return reasons.isEmpty() ? null : "The carrier does not deliver to this customer: " + reasons.get(0);
    }
}
