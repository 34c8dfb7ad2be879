package org.switchboard.webstore.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.transaction.Transactional;
import org.switchboard.contracts.Message;
import org.switchboard.messaging.JsonMessages;
import org.switchboard.webstore.entity.Customer;

/**
 * Publishes the Web Store's events on topic {@code webstore.events}. It only joins a transaction
 * that is already running: through {@code java:/JmsXA} the send is enlisted with the database
 * write, so either both happen or neither does. Each event is validated against its schema before
 * it is sent; one that breaks it fails the transaction ({@code ContractViolationException}).
 *
 * <p>Which major version of {@code CustomerRegistered} goes out is configuration (see
 * {@link PublishedVersions}): v2 by default, v1 while a consumer still needs it.
 */
@ApplicationScoped
public class CustomerEvents {

    private static final System.Logger LOG = System.getLogger(CustomerEvents.class.getName());

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = "java:/jms/topic/webstore.events")
    Topic events;

    @Transactional(Transactional.TxType.MANDATORY)
    public Message registered(Customer customer) {
        var event = CustomerRegisteredEvents.of(customer, PublishedVersions.customerRegistered());
        jms.createProducer().send(events, JsonMessages.toTextMessage(jms, event));
        LOG.log(
                System.Logger.Level.DEBUG,
                "Sent {0} {1} for customer {2}",
                event.getClass().getSimpleName(),
                event.messageId(),
                customer.id());
        return event;
    }
}
