package org.switchboard.payments.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import org.switchboard.contracts.payments.AuthorisePayment;
import org.switchboard.contracts.payments.RefundPayment;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.payments.control.PaymentAuthorisations;

/**
 * Consumes Payments' commands from queue {@code payments.commands}, without a container
 * transaction: local transaction, then acknowledge (ADR 0009). Failures are the module's default
 * interceptor's.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(
        name = "PaymentsCommandsListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/payments.commands"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
        })
public class PaymentsCommandsListener implements MessageListener {

    @Inject
    PaymentAuthorisations authorisations;

    @Override
    public void onMessage(Message message) {
        var incoming = IncomingMessage.from(message);
        var command = incoming.expectOneOf(List.of(AuthorisePayment.class, RefundPayment.class));
        if (command instanceof AuthorisePayment authorise) {
            authorisations.authorise(incoming, authorise);
        } else {
            authorisations.refund(incoming, (RefundPayment) command);
        }
    }
}
