package org.switchboard.ordering.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import org.switchboard.contracts.SagaMessage;
import org.switchboard.contracts.inventory.ReserveStock;
import org.switchboard.contracts.payments.AuthorisePayment;
import org.switchboard.contracts.shipping.ArrangeShipment;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.ordering.control.OrderSagas;
import org.switchboard.ordering.entity.SagaAction;

/**
 * Consumes the saga's commands that expired unattempted from queue {@code ordering.expired}, the
 * expiry address of the participants' command queues (messaging.cli): each cancels its saga with
 * the reason instead of lying unseen in a generic expiry queue. Only a step's command can expire
 * (compensations never do); anything else here is dead-lettered with the reason.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(
        name = "ExpiredCommandsListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/ordering.expired"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
        })
public class ExpiredCommandsListener implements MessageListener {

    @Inject
    OrderSagas sagas;

    @Override
    public void onMessage(Message message) {
        var incoming = IncomingMessage.from(message);
        var command = incoming.expectOneOf(List.of(ReserveStock.class, AuthorisePayment.class, ArrangeShipment.class));
        SagaAction action;
        if (command instanceof ReserveStock) {
            action = SagaAction.RESERVE_STOCK;
        } else if (command instanceof AuthorisePayment) {
            action = SagaAction.AUTHORISE_PAYMENT;
        } else {
            action = SagaAction.ARRANGE_SHIPMENT;
        }
        sagas.expired(incoming, (SagaMessage) command, action);
    }
}
