package org.switchboard.marketing.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.marketing.control.ContactOnboarding;
import org.switchboard.messaging.IncomingMessage;

/**
 * Consumes Marketing's commands from queue {@code marketing.commands}. The delivery runs without a
 * container transaction: storing the contact and recording the message as processed are one local
 * database transaction ({@link ContactOnboarding}), and the broker acknowledges the command after
 * it committed. A crash in between redelivers a command whose id is already claimed: acknowledged
 * without effect. No XA branch can be left prepared in PostgreSQL (ADR 0009). Failures are handled
 * by the module's default interceptor ({@code ConsumerInterceptor}, bound in
 * {@code META-INF/ejb-jar.xml}): a command that can never be read goes to
 * {@code DLQ.marketing.commands} at once with the reason; a database outage defers it without
 * burning its attempts; anything else is redelivered with growing delays and finally dead-lettered.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(
        name = "CreateCustomerListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/marketing.commands"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
        })
public class CreateCustomerListener implements MessageListener {

    @Inject
    ContactOnboarding onboarding;

    @Override
    public void onMessage(Message message) {
        var incoming = IncomingMessage.from(message);
        onboarding.handle(incoming, incoming.expect(CreateCustomer.class));
    }
}
