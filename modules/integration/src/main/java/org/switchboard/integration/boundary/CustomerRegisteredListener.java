package org.switchboard.integration.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.switchboard.contracts.webstore.CustomerRegistered;
import org.switchboard.integration.control.CustomerTranslator;
import org.switchboard.integration.control.MarketingCommands;
import org.switchboard.messaging.FaultInjection;
import org.switchboard.messaging.IncomingMessage;

/**
 * Consumes {@code CustomerRegistered} from topic {@code webstore.events} through the durable shared
 * subscription {@code integration}: events published while Switchboard is down wait there, and
 * all MDB sessions share the one subscription. Receiving the event and sending the command are one
 * XA transaction; a failure rolls both back and Artemis redelivers after the configured delay.
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
public class CustomerRegisteredListener implements MessageListener {

    private static final System.Logger LOG = System.getLogger(CustomerRegisteredListener.class.getName());

    private final CustomerTranslator translator = new CustomerTranslator();

    @Inject
    MarketingCommands marketing;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        try {
            var incoming = IncomingMessage.from(message);
            var command = translator.toCreateCustomer(incoming.expect(CustomerRegistered.class));
            marketing.send(command);
            FaultInjection.check(FaultInjection.INTEGRATION_AFTER_SEND, incoming.correlationId());
            LOG.log(System.Logger.Level.DEBUG, "Translated {0} into CreateCustomer {1}", incoming, command.messageId());
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
