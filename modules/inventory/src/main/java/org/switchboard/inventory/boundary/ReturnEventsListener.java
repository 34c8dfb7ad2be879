package org.switchboard.inventory.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import org.switchboard.contracts.ordering.ReturnRequested;
import org.switchboard.contracts.payments.ReturnRefundFailed;
import org.switchboard.inventory.control.Restocks;
import org.switchboard.messaging.IncomingMessage;

/**
 * Hears the events of a return that concern stock, from Inventory's own queue
 * {@code inventory.returns}: two non-exclusive diverts fill it, with {@code ReturnRequested} from
 * topic {@code ordering.events} and {@code ReturnRefundFailed} from topic {@code payments.events}
 * (a queue, not subscriptions, so a delivery can be deferred while the database is away). Local
 * transaction, then acknowledge.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(
        name = "ReturnEventsListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/inventory.returns"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
        })
public class ReturnEventsListener implements MessageListener {

    @Inject
    Restocks restocks;

    @Override
    public void onMessage(Message message) {
        var incoming = IncomingMessage.from(message);
        var event = incoming.expectOneOf(List.of(ReturnRequested.class, ReturnRefundFailed.class));
        if (event instanceof ReturnRequested requested) {
            restocks.restock(incoming, requested);
        } else {
            restocks.reverse(incoming, (ReturnRefundFailed) event);
        }
    }
}
