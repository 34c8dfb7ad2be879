package org.switchboard.marketing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.marketing.entity.Contact;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.IdempotentConsumer;
import org.switchboard.messaging.IncomingMessage;

/**
 * Turns a {@code CreateCustomer} command into a contact, exactly once. Two guards, both in one local
 * transaction: the command's message id (a redelivery or a duplicate send of the same
 * command), and the customer id (a second command for a customer Marketing already knows).
 */
@ApplicationScoped
public class ContactOnboarding {

    private static final System.Logger LOG = System.getLogger(ContactOnboarding.class.getName());

    /** Fault point: after the contact is stored and the command claimed, before commit. */
    public static final String FAULT_AFTER_STORE = "marketing.create-customer.after-store";

    public enum Outcome {
        CREATED,
        DUPLICATE_MESSAGE,
        ALREADY_A_CONTACT
    }

    @PersistenceContext(unitName = "marketing")
    EntityManager em;

    /**
     * One local transaction: the claim of the message id and the contact commit together, or
     * neither does.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Outcome handle(IncomingMessage message, CreateCustomer command) {
        if (!new IdempotentConsumer("marketing").claim(message)) {
            LOG.log(System.Logger.Level.INFO, "Ignoring duplicate {0}", message);
            return Outcome.DUPLICATE_MESSAGE;
        }
        if (knows(command.customerId())) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "Customer {0} is already a contact; {1} changes nothing",
                    command.customerId(),
                    message);
            return Outcome.ALREADY_A_CONTACT;
        }
        em.persist(new Contact(
                command.customerId(),
                command.email(),
                command.fullName(),
                command.customerSince(),
                command.marketingConsent(),
                command.correlationId(),
                command.messageId(),
                Instant.now()));
        em.flush();
        FaultPoints.pass(FAULT_AFTER_STORE, command.correlationId());
        return Outcome.CREATED;
    }

    private boolean knows(UUID customerId) {
        return !em.createNamedQuery(Contact.BY_CUSTOMER, Contact.class)
                .setParameter("customerId", customerId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
