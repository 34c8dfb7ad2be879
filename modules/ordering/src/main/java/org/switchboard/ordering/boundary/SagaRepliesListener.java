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
import org.switchboard.contracts.inventory.StockReserved;
import org.switchboard.contracts.inventory.StockUnavailable;
import org.switchboard.contracts.ordering.SagaTimeout;
import org.switchboard.contracts.payments.PaymentAuthorised;
import org.switchboard.contracts.payments.PaymentDeclined;
import org.switchboard.contracts.shipping.ShipmentArranged;
import org.switchboard.contracts.shipping.ShipmentFailed;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.ordering.control.OrderSagas;

/**
 * Consumes the participants' replies and the saga's own timeouts from queue
 * {@code ordering.replies}, without a container transaction: the saga's step commits locally with
 * its commands in the outbox, then the broker acknowledges (ADR 0009). Failures (an optimistic-lock
 * conflict included) are the module's default interceptor's: rolled back and redelivered.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(
        name = "SagaRepliesListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/ordering.replies"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
        })
public class SagaRepliesListener implements MessageListener {

    @Inject
    OrderSagas sagas;

    @Override
    public void onMessage(Message message) {
        var incoming = IncomingMessage.from(message);
        var reply = incoming.expectOneOf(List.of(
                StockReserved.class,
                StockUnavailable.class,
                PaymentAuthorised.class,
                PaymentDeclined.class,
                ShipmentArranged.class,
                ShipmentFailed.class,
                SagaTimeout.class));
        sagas.handle(incoming, (SagaMessage) reply);
    }
}
