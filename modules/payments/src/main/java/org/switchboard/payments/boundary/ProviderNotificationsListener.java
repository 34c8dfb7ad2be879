package org.switchboard.payments.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.switchboard.contracts.payments.ProviderNotification;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.payments.control.PaymentAuthorisations;

/**
 * Applies the payment provider's notifications that {@link ProviderWebhooks} stored and queued, from
 * Payments' own queue {@code payments.webhooks}: a local transaction (claim, authorisation, account,
 * the saga's reply in the outbox), then acknowledge (ADR 0009).
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(
        name = "ProviderNotificationsListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/payments.webhooks"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
        })
public class ProviderNotificationsListener implements MessageListener {

    @Inject
    PaymentAuthorisations authorisations;

    @Override
    public void onMessage(Message message) {
        var incoming = IncomingMessage.from(message);
        authorisations.apply(incoming, incoming.expect(ProviderNotification.class));
    }
}
