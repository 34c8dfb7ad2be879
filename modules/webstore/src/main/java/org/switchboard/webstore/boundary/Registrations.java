package org.switchboard.webstore.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Validator;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.messaging.ContractViolationException;
import org.switchboard.messaging.FaultInjection;
import org.switchboard.webstore.control.CustomerEvents;
import org.switchboard.webstore.entity.Customer;

/**
 * The Web Store's facade for registering and looking up customers. A registration stores the
 * customer and publishes {@code CustomerRegistered} in one XA transaction.
 */
@Stateless
public class Registrations {

    private static final System.Logger LOG = System.getLogger(Registrations.class.getName());
    public static final int MAX_PAGE_SIZE = 200;

    /** Fault point: after the customer is stored and CustomerRegistered sent, before commit. */
    public static final String FAULT_AFTER_PUBLISH = "webstore.registration.after-publish";

    @PersistenceContext(unitName = "webstore")
    EntityManager em;

    @Inject
    CustomerEvents events;

    @Inject
    Validator validator;

    public RegisteredCustomer register(NewCustomer request, UUID correlationId) {
        // Validate what would be stored: lower-casing can lengthen an address past the column.
        var normalized = request.normalized();
        var violations = validator.validate(normalized);
        if (!violations.isEmpty()) {
            throw new InvalidRegistration(violations);
        }
        var email = normalized.email();
        if (findByEmail(email).isPresent()) {
            throw new EmailAlreadyRegistered(email);
        }
        var customer = Customer.register(
                email,
                normalized.givenName(),
                normalized.familyName(),
                normalized.marketingConsent(),
                correlationId,
                Instant.now());
        try {
            em.persist(customer);
            // Flush before publishing: a concurrent registration of the same address fails here,
            // on the unique constraint, instead of at commit after the event went out.
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new EmailAlreadyRegistered(email);
            }
            throw e;
        }
        org.switchboard.contracts.Message event;
        try {
            event = events.registered(customer);
        } catch (ContractViolationException e) {
            LOG.log(System.Logger.Level.WARNING, "Registration not published, rolled back: {0}", e.getMessage());
            throw new UnpublishableRegistration(e);
        }
        FaultInjection.check(FAULT_AFTER_PUBLISH, correlationId);
        LOG.log(
                System.Logger.Level.INFO,
                "Registered customer {0}, published {1} (correlation {2})",
                customer.id(),
                event.messageId(),
                correlationId);
        return RegisteredCustomer.of(customer);
    }

    public Optional<RegisteredCustomer> find(UUID id) {
        return Optional.ofNullable(em.find(Customer.class, id)).map(RegisteredCustomer::of);
    }

    public List<RegisteredCustomer> list(int offset, int limit) {
        return em.createNamedQuery(Customer.ALL, Customer.class)
                .setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.min(Math.max(1, limit), MAX_PAGE_SIZE))
                .getResultStream()
                .map(RegisteredCustomer::of)
                .toList();
    }

    private Optional<Customer> findByEmail(String email) {
        return em.createNamedQuery(Customer.BY_EMAIL, Customer.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst();
    }

    /** PostgreSQL reports a unique-constraint violation as SQLSTATE 23505; e-mail is the only unique column. */
    private static boolean isUniqueViolation(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
