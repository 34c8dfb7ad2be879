package org.switchboard.integration.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import org.switchboard.contracts.webstore.CustomerRegistered;
import org.switchboard.contracts.webstore.CustomerRegisteredV2;
import org.switchboard.integration.control.CustomerTranslator;
import org.switchboard.integration.control.MarketingCommands;
import org.switchboard.messaging.IncomingMessage;

/**
 * Consumes {@code CustomerRegistered} from topic {@code webstore.events} through the durable shared
 * subscription {@code integration}: events published while Switchboard is down wait there, and
 * all MDB sessions share the one subscription. Receiving the event and sending the command are one
 * XA transaction. It reads v1 and v2 of the event (a tolerant reader). Failures are handled by the
 * module's default interceptor ({@code ConsumerInterceptor}, bound in {@code META-INF/ejb-jar.xml}):
 * an unreadable event, or one whose command would break Marketing's schema, goes to
 * {@code DLQ.webstore.events} at once with the reason; anything else rolls back and is redelivered.
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

    private final CustomerTranslator translator = new CustomerTranslator();

    @Inject
    MarketingCommands marketing;

    @Override
    public void onMessage(Message message) {
        var event = IncomingMessage.from(message)
                .expectOneOf(List.of(CustomerRegistered.class, CustomerRegisteredV2.class));
        marketing.send(translator.toCreateCustomer(event));
    }
}
