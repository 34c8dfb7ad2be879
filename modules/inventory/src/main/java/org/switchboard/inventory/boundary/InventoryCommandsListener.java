package org.switchboard.inventory.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import org.switchboard.contracts.inventory.ReleaseStock;
import org.switchboard.contracts.inventory.ReserveStock;
import org.switchboard.inventory.control.StockReservations;
import org.switchboard.messaging.IncomingMessage;

/**
 * Consumes Inventory's commands from queue {@code inventory.commands}, without a container
 * transaction: the stock change, the claim and the reply in the outbox commit in one local
 * transaction, then the broker acknowledges (ADR 0009). Failures are the module's default
 * interceptor's ({@code ConsumerInterceptor}, META-INF/ejb-jar.xml).
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(
        name = "InventoryCommandsListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/inventory.commands"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
        })
public class InventoryCommandsListener implements MessageListener {

    @Inject
    StockReservations reservations;

    @Override
    public void onMessage(Message message) {
        var incoming = IncomingMessage.from(message);
        var command = incoming.expectOneOf(List.of(ReserveStock.class, ReleaseStock.class));
        if (command instanceof ReserveStock reserve) {
            reservations.reserve(incoming, reserve);
        } else {
            reservations.release(incoming, (ReleaseStock) command);
        }
    }
}
