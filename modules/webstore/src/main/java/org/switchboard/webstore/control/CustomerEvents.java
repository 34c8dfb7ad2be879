package org.switchboard.webstore.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.switchboard.contracts.Message;
import org.switchboard.webstore.entity.Customer;

/**
 * The Web Store's events, decided in the transaction of the change they report: each is built,
 * validated against its schema ({@code ContractViolationException} if it breaks it) and written to
 * the {@link Outbox} with that change; {@link OutboxRelay} publishes it on topic
 * {@code webstore.events} after the commit.
 *
 * <p>Which major version of {@code CustomerRegistered} goes out is configuration (see
 * {@link PublishedVersions}), read when the event is written: v2 by default, v1 while a consumer
 * still needs it.
 */
@ApplicationScoped
public class CustomerEvents {

    private static final System.Logger LOG = System.getLogger(CustomerEvents.class.getName());

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public Message registered(Customer customer) {
        var event = CustomerRegisteredEvents.of(customer, PublishedVersions.customerRegistered());
        outbox.add(event);
        LOG.log(
                System.Logger.Level.DEBUG,
                "Wrote {0} {1} for customer {2} to the outbox",
                event.getClass().getSimpleName(),
                event.messageId(),
                customer.id());
        return event;
    }
}
