package org.switchboard.partners.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import org.switchboard.contracts.ordering.OrderCancelled;
import org.switchboard.contracts.ordering.OrderConfirmed;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.partners.control.WebhookOutbox;
import org.switchboard.partners.entity.EventType;

/**
 * Consumes how orders ended from queue {@code partners.orders}, which a non-exclusive divert fills
 * with {@code OrderConfirmed} and {@code OrderCancelled} from topic {@code ordering.events}, without
 * a container transaction: the deliveries are written in a local transaction, then the message is
 * acknowledged (ADR 0009). Failures are the module's default interceptor's.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(
        name = "OrderEventsListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/partners.orders"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
        })
public class OrderEventsListener implements MessageListener {

    @Inject
    WebhookOutbox outbox;

    @Override
    public void onMessage(Message message) {
        var incoming = IncomingMessage.from(message);
        var event = incoming.expectOneOf(List.of(OrderConfirmed.class, OrderCancelled.class));
        var type = EventType.ofMessage(incoming.type())
                .orElseThrow(() -> new IllegalStateException("No webhook event type for " + incoming.type()));
        outbox.fanOut(incoming, type, event);
    }
}
