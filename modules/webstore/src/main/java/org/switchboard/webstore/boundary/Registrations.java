package org.switchboard.webstore.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.switchboard.messaging.ContractViolationException;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.webstore.control.CustomerEvents;
import org.switchboard.webstore.entity.Customer;
import org.switchboard.webstore.entity.RegistrationOutcome;

/**
 * The Web Store's facade for registering and looking up customers. A registration stores the
 * customer, the flow its correlation id starts (one flow per id, ADR 0011), its
 * {@code CustomerRegistered} event in the outbox and, if the client sent one, its idempotency key
 * with the outcome, in one local database transaction; the event is published after
 * the commit (see {@code WebstoreOutbox}).
 *
 * <p>Anyone may register; reading customers is personal data, for the shop's staff (and operators)
 * only. Every business method says which: the container denies a method that says nothing.
 */
@Stateless
public class Registrations {

    private static final System.Logger LOG = System.getLogger(Registrations.class.getName());
    public static final int MAX_PAGE_SIZE = 200;

    /** Fault point: after the customer and its CustomerRegistered are written, before commit. */
    public static final String FAULT_BEFORE_COMMIT = "webstore.registration.before-commit";

    @PersistenceContext(unitName = "webstore")
    EntityManager em;

    @Inject
    CustomerEvents events;

    @Inject
    ValidatorFactory validation;

    /** Validates requests; see {@link #requestValidator()}. */
    private Validator validator;

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource database;

    /**
     * The flow and the customer in one statement (one round trip): the flow first, one per
     * correlation id (ADR 0011), and the customer only if the flow was started; each inserts nothing
     * on a conflict, which the counts tell apart.
     */
    private static final String START_FLOW_AND_STORE_CUSTOMER = "with flow as ("
            + "insert into webstore.flow (correlation_id, customer_id, started_at) values (?, ?, ?)"
            + " on conflict (correlation_id) do nothing returning 1),"
            + " customer as (insert into webstore.customer (id, email, given_name, family_name, marketing_consent,"
            + " registered_at, correlation_id) select ?::uuid, ?, ?, ?, ?::boolean, ?::timestamptz, ?::uuid"
            + " where exists (select 1 from flow) on conflict (email) do nothing returning 1)"
            + " select (select count(*) from flow), (select count(*) from customer)";

    /**
     * A request is a record, never an entity, so every property is there to be validated. The
     * factory's default resolver asks JPA whether each property is loaded, and Hibernate's answer
     * goes through a per-class cache whose lookups under load wait on a lock shared by all
     * request threads (docs/benchmarks/registration-open-model.md, "Tuning tried").
     */
    @PostConstruct
    void requestValidator() {
        validator =
                validation.usingContext().traversableResolver(EVERY_PROPERTY).getValidator();
    }

    private static final TraversableResolver EVERY_PROPERTY = new TraversableResolver() {
        @Override
        public boolean isReachable(
                Object bean, Path.Node property, Class<?> rootBean, Path pathToBean, ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(
                Object bean, Path.Node property, Class<?> rootBean, Path pathToBean, ElementType elementType) {
            return true;
        }
    };

    @PermitAll
    public RegisteredCustomer register(NewCustomer request, UUID correlationId) {
        return register(request, correlationId, null).customer();
    }

    /**
     * Registers once per idempotency key: a request with a key that already registered the same
     * thing gets that registration back, unchanged; the key with a different request is refused.
     *
     * @param key null when the client sent none
     * @throws CorrelationIdInUse when another registration's flow has this correlation id
     * @throws IdempotencyKey.InProgress when a concurrent request with the same key got there
     *     first: it waited for that one to finish; {@link #replay} then tells its outcome
     */
    @PermitAll
    public Registration register(NewCustomer request, UUID correlationId, IdempotencyKey key) {
        if (key != null) {
            var earlier = replay(key, request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        // Validate what would be stored: lower-casing can lengthen an address past the column.
        var normalized = request.normalized();
        var violations = validator.validate(normalized);
        if (!violations.isEmpty()) {
            throw new InvalidRegistration(violations);
        }
        var customer = Customer.register(
                normalized.email(),
                normalized.givenName(),
                normalized.familyName(),
                normalized.marketingConsent(),
                correlationId,
                // As PostgreSQL stores it, so that the 201, the event and every later read agree.
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        if (key != null) {
            // Before the customer's insert: a concurrent request with the same key that committed after
            // our replay() above would otherwise make its own customer look like a conflict (409).
            remember(key, request, customer, correlationId);
        }
        startFlowAndStore(customer, correlationId);
        org.switchboard.contracts.Message event;
        try {
            event = events.registered(customer);
        } catch (ContractViolationException e) {
            LOG.log(System.Logger.Level.WARNING, "Registration not published, rolled back: {0}", e.getMessage());
            throw new UnpublishableRegistration(e);
        }
        FaultPoints.pass(FAULT_BEFORE_COMMIT, correlationId);
        // DEBUG: the journey records every registration, and a line each at INFO serialised the
        // request threads on the log handler under load.
        LOG.log(
                System.Logger.Level.DEBUG,
                "Registered customer {0}, {1} in the outbox (correlation {2})",
                customer.id(),
                event.messageId(),
                correlationId);
        return new Registration(RegisteredCustomer.of(customer), false);
    }

    /** The registration an earlier request with this key made, if any; refused if it was a different request. */
    @PermitAll
    public Optional<Registration> replay(IdempotencyKey key, NewCustomer request) {
        var outcome = em.find(RegistrationOutcome.class, key.value());
        if (outcome == null) {
            return Optional.empty();
        }
        if (!outcome.isFor(request.fingerprint())) {
            throw new IdempotencyKey.Reused(key);
        }
        var customer = em.find(Customer.class, outcome.customerId());
        if (customer == null) {
            throw new IllegalStateException(
                    "Idempotency-Key " + key + " names customer " + outcome.customerId() + ", who does not exist");
        }
        return Optional.of(new Registration(RegisteredCustomer.of(customer), true));
    }

    /**
     * Written before the customer, so that a concurrent request with the same key waits here, on
     * the key, until this one commits or rolls back, instead of on the e-mail address (a 409).
     */
    private void remember(IdempotencyKey key, NewCustomer request, Customer customer, UUID correlationId) {
        try {
            em.persist(new RegistrationOutcome(
                    key.value(), request.fingerprint(), customer.id(), correlationId, Instant.now()));
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new IdempotencyKey.InProgress(key);
            }
            throw e;
        }
    }

    /**
     * One flow per correlation id (ADR 0011): a concurrent registration with the same id waits on
     * the flow's primary key, and is refused once this one commits. Then the customer, with no
     * look-up first: an address already registered, or being registered by a concurrent request that
     * commits first (the insert waits for it on the unique e-mail), stores nothing and is a 409.
     * Plain JDBC on the transaction's connection (the pool hands Hibernate's out again): the new
     * customer is written, never read, on this path.
     */
    private void startFlowAndStore(Customer customer, UUID correlationId) {
        int started;
        int stored;
        try (var connection = database.getConnection();
                var insert = connection.prepareStatement(START_FLOW_AND_STORE_CUSTOMER)) {
            insert.setObject(1, correlationId);
            insert.setObject(2, customer.id().value());
            insert.setTimestamp(3, java.sql.Timestamp.from(customer.registeredAt()));
            insert.setObject(4, customer.id().value());
            insert.setString(5, customer.email());
            insert.setString(6, customer.givenName());
            insert.setString(7, customer.familyName());
            insert.setBoolean(8, customer.marketingConsent());
            insert.setObject(9, customer.registeredAt().atOffset(java.time.ZoneOffset.UTC));
            insert.setObject(10, customer.correlationId());
            try (var counts = insert.executeQuery()) {
                counts.next();
                started = counts.getInt(1);
                stored = counts.getInt(2);
            }
        } catch (SQLException e) {
            throw new PersistenceException(
                    "Cannot store customer " + customer.id().value(), e);
        }
        if (started == 0) {
            throw new CorrelationIdInUse(correlationId);
        }
        if (stored == 0) {
            throw new EmailAlreadyRegistered(customer.email());
        }
    }

    @RolesAllowed({"staff", "operator"})
    public Optional<RegisteredCustomer> find(UUID id) {
        return Optional.ofNullable(em.find(Customer.class, id)).map(RegisteredCustomer::of);
    }

    /** Newest first; {@code limit} at most {@link #MAX_PAGE_SIZE}. */
    @RolesAllowed({"staff", "operator"})
    public List<RegisteredCustomer> list(int offset, int limit) {
        return em.createNamedQuery(Customer.ALL, Customer.class)
                .setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.min(Math.max(1, limit), MAX_PAGE_SIZE))
                .getResultStream()
                .map(RegisteredCustomer::of)
                .toList();
    }

    /** How many customers there are: the total a listing reports next to its page. */
    @RolesAllowed({"staff", "operator"})
    public long count() {
        return em.createNamedQuery(Customer.COUNT, Long.class).getSingleResult();
    }

    /** PostgreSQL reports a unique-constraint violation as SQLSTATE 23505 (here: idempotency_key, the key). */
    private static boolean isUniqueViolation(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
