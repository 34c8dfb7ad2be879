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
 * Learns the Web Store's customers from {@code CustomerRegistered}: event-carried state, never the
 * Web Store's tables. The events come from topic {@code webstore.events} through the broker's divert
 * into Ordering's own queue {@code ordering.customers} (messaging.cli), not through a subscription:
 * on a queue, a delivery that meets the database away is deferred (a copy with a delivery delay)
 * instead of using up the broker's attempts, and such a copy reaches no one else. Local transaction,
 * then acknowledge.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(
        name = "CustomerEventsListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/ordering.customers"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
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
