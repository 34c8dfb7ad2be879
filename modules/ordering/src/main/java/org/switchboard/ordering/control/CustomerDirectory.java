package org.switchboard.ordering.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.switchboard.contracts.Message;
import org.switchboard.contracts.webstore.CustomerRegistered;
import org.switchboard.contracts.webstore.CustomerRegisteredV2;
import org.switchboard.messaging.IdempotentConsumer;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.ordering.entity.Customer;

/**
 * Ordering's own copy of the Web Store's customers, from either major of CustomerRegistered (a
 * tolerant reader): the event carries all Ordering needs, so it never asks the Web Store.
 */
@ApplicationScoped
public class CustomerDirectory {

    @PersistenceContext(unitName = "ordering")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(IncomingMessage message, Message event) {
        if (!new IdempotentConsumer("ordering").claim(message)) {
            return;
        }
        var customer = event instanceof CustomerRegisteredV2 v2
                ? new Customer(
                        v2.customerId(),
                        v2.email(),
                        (v2.name().given() + " " + v2.name().family()).strip(),
                        v2.registeredAt(),
                        v2.messageId())
                : from((CustomerRegistered) event);
        if (em.find(Customer.class, customer.customerId()) == null) {
            em.persist(customer);
        }
    }

    private static Customer from(CustomerRegistered v1) {
        return new Customer(v1.customerId(), v1.email(), v1.fullName(), v1.registeredAt(), v1.messageId());
    }

    public boolean knows(java.util.UUID customerId) {
        return em.find(Customer.class, customerId) != null;
    }
}
