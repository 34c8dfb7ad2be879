package org.switchboard.marketing.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.marketing.control.ContactOnboarding;
import org.switchboard.messaging.DeadLetters;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.JourneyMark;
import org.switchboard.messaging.JourneyRecorder;
import org.switchboard.messaging.UnreadableMessageException;

/**
 * Consumes Marketing's commands from queue {@code marketing.commands}. Receiving the command,
 * storing the contact and recording the message as processed are one XA transaction: on failure all
 * of it rolls back and Artemis redelivers with growing delays, then dead-letters to
 * {@code DLQ.marketing.commands}. A message that can never be read (wrong type or version, bad JSON,
 * schema violation) skips the retries: it goes to the same DLQ at once, with the reason attached.
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
@Interceptors(JourneyRecorder.class)
public class CreateCustomerListener implements MessageListener {

    private static final System.Logger LOG = System.getLogger(CreateCustomerListener.class.getName());

    @Inject
    ContactOnboarding onboarding;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        try {
            var incoming = IncomingMessage.from(message);
            var outcome = onboarding.handle(incoming, incoming.expect(CreateCustomer.class));
            if (outcome == ContactOnboarding.Outcome.DUPLICATE_MESSAGE) {
                JourneyMark.duplicate();
            }
            LOG.log(System.Logger.Level.DEBUG, "{0}: {1}", incoming, outcome);
        } catch (UnreadableMessageException e) {
            // Redelivering cannot fix it: straight to the DLQ, in this transaction, with the reason.
            if (!new DeadLetters(jms, "marketing/CreateCustomerListener").reject(message, e, null)) {
                context.setRollbackOnly();
            }
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Rolling back delivery of {0} from marketing.commands: {1}",
                    IncomingMessage.describe(message),
                    e.toString());
            context.setRollbackOnly();
        }
    }
}
