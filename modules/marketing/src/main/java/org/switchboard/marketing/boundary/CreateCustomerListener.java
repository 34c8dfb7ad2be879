package org.switchboard.marketing.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.marketing.control.ContactOnboarding;
import org.switchboard.messaging.IncomingMessage;

/**
 * Consumes Marketing's commands from queue {@code marketing.commands}. Receiving the command,
 * storing the contact and recording the message as processed are one XA transaction. Failures are
 * handled by the module's default interceptor ({@code ConsumerInterceptor}, bound in
 * {@code META-INF/ejb-jar.xml}): a command that can never be read (wrong type or version, bad JSON,
 * schema violation) goes to {@code DLQ.marketing.commands} at once with the reason; anything else
 * rolls back, and Artemis redelivers it with growing delays and finally dead-letters it there.
 */
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
