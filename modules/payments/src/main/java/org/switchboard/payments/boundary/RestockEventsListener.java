package org.switchboard.payments.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.switchboard.contracts.inventory.StockRestocked;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.payments.control.PaymentProvider;
import org.switchboard.payments.control.ReturnRefunds;

/**
 * Hears that a return's goods are back in stock, from Payments' own queue {@code payments.returns},
 * which the broker's divert fills from topic {@code inventory.events} (a queue, not a subscription,
 * so a delivery can be deferred while the database or the payment provider is away). The provider
 * refunds first (idempotent per return), then the local transaction, then acknowledge.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(
        name = "RestockEventsListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/payments.returns"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
        })
public class RestockEventsListener implements MessageListener {

    @Inject
    ReturnRefunds refunds;

    @Inject
    PaymentProvider provider;

    @Override
    public void onMessage(Message message) {
        var incoming = IncomingMessage.from(message);
        var event = incoming.expect(StockRestocked.class);
        refunds.refundable(event)
                .ifPresent(sagaId ->
                        provider.refund(sagaId, PaymentProvider.key("refund", event.returnId()), "order returned"));
        refunds.refund(incoming, event);
    }
}
