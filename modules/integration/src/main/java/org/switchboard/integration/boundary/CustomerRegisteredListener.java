package org.switchboard.integration.boundary;

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
import java.util.List;
import org.switchboard.contracts.webstore.CustomerRegistered;
import org.switchboard.contracts.webstore.CustomerRegisteredV2;
import org.switchboard.integration.control.CustomerTranslator;
import org.switchboard.integration.control.MarketingCommands;
import org.switchboard.messaging.ContractViolationException;
import org.switchboard.messaging.DeadLetters;
import org.switchboard.messaging.FaultInjection;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.JourneyRecorder;
import org.switchboard.messaging.UnreadableMessageException;

/**
 * Consumes {@code CustomerRegistered} from topic {@code webstore.events} through the durable shared
 * subscription {@code integration}: events published while Switchboard is down wait there, and
 * all MDB sessions share the one subscription. Receiving the event and sending the command are one
 * XA transaction; a failure rolls both back and Artemis redelivers after the configured delay. It
 * reads v1 and v2 of the event (a tolerant reader); a message it can never read goes to
 * {@code DLQ.webstore.events} at once, with the reason attached.
 */
@MessageDriven(
        name = "CustomerRegisteredListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/topic/webstore.events"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
            @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "integration"),
            @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
            @ActivationConfigProperty(
                    propertyName = "messageSelector",
                    propertyValue = "JMSType = 'webstore.CustomerRegistered'"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
        })
@Interceptors(JourneyRecorder.class)
public class CustomerRegisteredListener implements MessageListener {

    private static final System.Logger LOG = System.getLogger(CustomerRegisteredListener.class.getName());

    private final CustomerTranslator translator = new CustomerTranslator();

    @Inject
    MarketingCommands marketing;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource
    MessageDrivenContext context;

    private void deadLetter(Message message, UnreadableMessageException problem) {
        if (!new DeadLetters(jms, "integration/CustomerRegisteredListener").reject(message, problem, "integration")) {
            context.setRollbackOnly();
        }
    }

    @Override
    public void onMessage(Message message) {
        try {
            var incoming = IncomingMessage.from(message);
            // Tolerant reader: both majors in flight are read; anything else is unreadable.
            var event = incoming.expectOneOf(List.of(CustomerRegistered.class, CustomerRegisteredV2.class));
            var command = translator.toCreateCustomer(event);
            marketing.send(command);
            FaultInjection.check(FaultInjection.INTEGRATION_AFTER_SEND, incoming.correlationId());
            LOG.log(System.Logger.Level.DEBUG, "Translated {0} into CreateCustomer {1}", incoming, command.messageId());
        } catch (UnreadableMessageException e) {
            // Redelivering cannot fix it: straight to the DLQ, in this transaction, with the reason.
            deadLetter(message, e);
        } catch (ContractViolationException e) {
            // The command this event translates into breaks Marketing's schema: the same every time.
            deadLetter(message, UnreadableMessageException.of(e));
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Rolling back delivery of {0} from webstore.events: {1}",
                    IncomingMessage.describe(message),
                    e.toString());
            context.setRollbackOnly();
        }
    }
}
