package org.switchboard.ordering.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import org.switchboard.contracts.webstore.CustomerRegistered;
import org.switchboard.contracts.webstore.CustomerRegisteredV2;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.ordering.control.CustomerDirectory;

/**
 * Learns the Web Store's customers from {@code CustomerRegistered} on topic {@code webstore.events},
 * through Ordering's own durable shared subscription {@code ordering}: event-carried state, never
 * the Web Store's tables. Local transaction, then acknowledge; a subscription's consumer is rolled
 * back and redelivered on failure (a deferred copy would reach every subscription again).
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(
        name = "CustomerEventsListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/topic/webstore.events"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
            @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "ordering"),
            @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
            @ActivationConfigProperty(
                    propertyName = "messageSelector",
                    propertyValue = "JMSType = 'webstore.CustomerRegistered'"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
        })
public class CustomerEventsListener implements MessageListener {

    @Inject
    CustomerDirectory customers;

    @Override
    public void onMessage(Message message) {
        var incoming = IncomingMessage.from(message);
        customers.record(incoming, incoming.expectOneOf(List.of(CustomerRegistered.class, CustomerRegisteredV2.class)));
    }
}
