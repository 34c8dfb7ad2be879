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
import org.switchboard.messaging.DependencyUnavailableException;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.payments.control.PaymentAuthorisations;
import org.switchboard.payments.control.PaymentProvider;
import org.switchboard.payments.control.PaymentProviderApi.ProviderPayment;
import org.switchboard.payments.control.ProviderStatus;
import org.switchboard.payments.entity.AuthorisationState;

/**
 * Consumes Payments' commands from queue {@code payments.commands}, without a container
 * transaction: local transactions, then acknowledge (ADR 0009). The payment provider is called
 * between them, never inside one. A provider that cannot answer now, or whose answer is still
 * pending, defers the message ({@link DependencyUnavailableException}: the module's default
 * interceptor sends it back to the queue with a growing delay); it comes back to the same held
 * authorisation and asks the provider again under the same Idempotency-Key. Other failures are the
 * interceptor's too.
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

    @Inject
    PaymentProvider provider;

    @Override
    public void onMessage(Message message) {
        var incoming = IncomingMessage.from(message);
        var command = incoming.expectOneOf(List.of(AuthorisePayment.class, RefundPayment.class));
        if (command instanceof AuthorisePayment authorise) {
            authorise(incoming, authorise);
        } else {
            refund(incoming, (RefundPayment) command);
        }
    }

    private void authorise(IncomingMessage incoming, AuthorisePayment command) {
        ProviderPayment answer = null;
        if (authorisations.hold(command) == AuthorisationState.PENDING) {
            answer = provider.authorise(command.sagaId(), command.amount(), command.currency());
            if (answer.status() == ProviderStatus.PENDING) {
                throw new DependencyUnavailableException(
                        "Payment of saga " + command.sagaId() + " is pending at the provider: asked again later");
            }
        }
        authorisations.answer(incoming, command, answer);
    }

    /** Cancels at the provider first (idempotent), then releases the hold; a deferral repeats both. */
    private void refund(IncomingMessage incoming, RefundPayment command) {
        if (authorisations.mayHoldAtProvider(command.sagaId())) {
            provider.refund(command.sagaId(), PaymentProvider.key("void", command.sagaId()), "order cancelled");
        }
        authorisations.refund(incoming, command);
    }
}
