package org.switchboard.webstore.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Topic;
import jakarta.transaction.Transactional;
import org.switchboard.contracts.Message;
import org.switchboard.messaging.outbox.Delivery;
import org.switchboard.webstore.entity.Customer;

/**
 * The Web Store's events, decided in the transaction of the change they report: each is built,
 * validated against its schema ({@code ContractViolationException} if it breaks it) and written to
 * the {@link WebstoreOutbox} with that change, which publishes it on topic {@code webstore.events}
 * after the commit.
 *
 * <p>Which major version of {@code CustomerRegistered} goes out is configuration (see
 * {@link PublishedVersions}), read when the event is written: v2 by default, v1 while a consumer
 * still needs it.
 */
@ApplicationScoped
public class CustomerEvents {

    private static final System.Logger LOG = System.getLogger(CustomerEvents.class.getName());

    @EJB
    WebstoreOutbox outbox;

    @Resource(lookup = "java:/jms/topic/webstore.events")
    Topic events;

    @Transactional(Transactional.TxType.MANDATORY)
    public Message registered(Customer customer) {
        var event = CustomerRegisteredEvents.of(customer, PublishedVersions.customerRegistered());
        outbox.add(event, events, Delivery.standard());
        LOG.log(
                System.Logger.Level.DEBUG,
                "Wrote {0} {1} for customer {2} to the outbox",
                event.getClass().getSimpleName(),
                event.messageId(),
                customer.id());
        return event;
    }
}
