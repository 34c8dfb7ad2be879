package org.switchboard.webstore.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.webstore.CustomerRegistered;
import org.switchboard.messaging.JsonMessages;
import org.switchboard.webstore.entity.Customer;

/**
 * Publishes the Web Store's events on topic {@code webstore.events}. It only joins a transaction
 * that is already running: through {@code java:/JmsXA} the send is enlisted with the database
 * write, so either both happen or neither does.
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
    public CustomerRegistered registered(Customer customer) {
        var event = new CustomerRegistered(
                UUID.randomUUID(),
                Instant.now(),
                customer.correlationId(),
                // The registration is the first step of its flow: the request that caused it has
                // the flow's correlation id.
                customer.correlationId(),
                customer.id().value(),
                customer.email(),
                customer.fullName(),
                customer.registeredAt());
        jms.createProducer().send(events, JsonMessages.toTextMessage(jms, event));
        LOG.log(
                System.Logger.Level.DEBUG,
                "Sent {0} {1} for customer {2}",
                CustomerRegistered.TYPE,
                event.messageId(),
                customer.id());
        return event;
    }
}
