package org.switchboard.ordering.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.switchboard.contracts.ordering.RedriveSaga;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.ordering.control.OrderSagas;

/**
 * Consumes Operations' approved re-drives of stuck sagas from queue {@code ordering.redrives}
 * (only Operations may send there), without a container transaction: the saga's step commits
 * locally with its commands in the outbox, then the broker acknowledges (ADR 0009).
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(
        name = "RedriveListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/ordering.redrives"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
        })
public class RedriveListener implements MessageListener {

    @Inject
    OrderSagas sagas;

    @Override
    public void onMessage(Message message) {
        var incoming = IncomingMessage.from(message);
        sagas.redrive(incoming, incoming.expect(RedriveSaga.class));
    }
}
