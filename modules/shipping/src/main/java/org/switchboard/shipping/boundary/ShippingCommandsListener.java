package org.switchboard.shipping.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.switchboard.contracts.shipping.ArrangeShipment;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.shipping.control.ShipmentArrangements;

/**
 * Consumes Shipping's commands from queue {@code shipping.commands}, without a container
 * transaction: local transaction, then acknowledge (ADR 0009). Failures are the module's default
 * interceptor's.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(
        name = "ShippingCommandsListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/shipping.commands"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
        })
public class ShippingCommandsListener implements MessageListener {

    @Inject
    ShipmentArrangements arrangements;

    @Override
    public void onMessage(Message message) {
        var incoming = IncomingMessage.from(message);
        arrangements.arrange(incoming, incoming.expect(ArrangeShipment.class));
    }
}
