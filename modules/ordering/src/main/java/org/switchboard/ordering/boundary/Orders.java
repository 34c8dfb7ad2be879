package org.switchboard.ordering.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.switchboard.messaging.claims.ClaimCheck;
import org.switchboard.messaging.claims.ClaimReference;
import org.switchboard.ordering.control.CustomerDirectory;
import org.switchboard.ordering.control.OrderReturns;
import org.switchboard.ordering.control.OrderSagas;
import org.switchboard.ordering.entity.OrderLine;
import org.switchboard.ordering.entity.OrderSaga;
import org.switchboard.ordering.entity.Product;
import org.switchboard.ordering.entity.PurchaseOrder;
import org.switchboard.ordering.entity.SagaStep;

/**
 * Ordering's facade for the webapp. Placing an order is one local transaction: the order, its
 * saga, the saga's first command and timeout in the outbox, and the client's Idempotency-Key. The
 * caller is answered 202 after the commit; the saga runs on from there.
 */
@Stateless
public class Orders {

    static final int MAX_LINES = 50;
    static final int MAX_QUANTITY = 1000;

    @PersistenceContext(unitName = "ordering")
    EntityManager em;

    @Inject
    CustomerDirectory customers;

    @Inject
    OrderSagas sagas;

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    /** The largest document an order may carry. */
    public static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

    /** How long a stored document waits for an order to refer to it (its saga deletes it sooner). */
    static final Duration ATTACHMENT_RETENTION = Duration.ofDays(1);

    /**
     * Stores an order's document (at most {@link #MAX_ATTACHMENT_BYTES}) in the claim store; the
     * order then names it by its claim id. Kept a day if no order does.
     *
     * @throws ClaimCheck.TooLarge if it is larger
     */
    public ClaimReference storeAttachment(InputStream content, String mediaType) {
        return new ClaimCheck(dataSource).store(content, mediaType, MAX_ATTACHMENT_BYTES, ATTACHMENT_RETENTION);
    }

    @Inject
    OrderReturns returns;

    /**
     * @param idempotencyKey the client's key, or null
     * @throws InvalidOrder if it breaks the rules
     * @throws IdempotencyKeyReused if the key came with another order
     */
    public PlacedOrder place(NewOrder request, String idempotencyKey, UUID correlationId) {
        if (idempotencyKey != null) {
            var earlier = em.createNamedQuery(PurchaseOrder.BY_IDEMPOTENCY_KEY, PurchaseOrder.class)
                    .setParameter("key", idempotencyKey)
                    .getResultList();
            if (!earlier.isEmpty()) {
                var order = earlier.get(0);
                if (!order.requestFingerprint().equals(request.fingerprint())) {
                    throw new IdempotencyKeyReused();
                }
                return new PlacedOrder(order.id(), order.correlationId(), true);
            }
        }
        var order = validated(request, correlationId);
        if (idempotencyKey != null) {
            order.rememberRequest(idempotencyKey, request.fingerprint());
        }
        em.persist(order);
        // A concurrent request with the same key fails here, on the key's unique constraint.
        em.flush();
        sagas.start(order);
        return new PlacedOrder(order.id(), correlationId, false);
    }

    /**
     * Accepts the return of a confirmed order: the order becomes RETURN_REQUESTED and
     * {@code ReturnRequested} is in the outbox, in one local transaction. From there the return is
     * choreographed: no one here waits for it.
     *
     * @return empty if there is no such order
     * @throws ReturnRefused if the order is not confirmed, or its return was requested before
     */
    public Optional<AcceptedReturn> requestReturn(UUID orderId, UUID correlationId) {
        // Locked: of two requests at once, the second waits and then finds the return requested.
        var order = em.find(PurchaseOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return Optional.empty();
        }
        if (!order.returnable()) {
            throw new ReturnRefused(order.id(), order.state().name(), order.returnId());
        }
        var returnId = returns.request(order, correlationId);
        return Optional.of(new AcceptedReturn(order.id(), returnId, correlationId));
    }

    public Optional<OrderStatus> find(UUID orderId) {
        var order = em.find(PurchaseOrder.class, orderId);
        if (order == null) {
            return Optional.empty();
        }
        var saga = em.createQuery("select s from OrderSaga s where s.orderId = :orderId", OrderSaga.class)
                .setParameter("orderId", orderId)
                .getSingleResult();
        var steps = em
                .createNamedQuery(SagaStep.OF_SAGA, SagaStep.class)
                .setParameter("sagaId", saga.id())
                .getResultList()
                .stream()
                .map(step -> new OrderStatus.Step(step.at(), step.state().name(), step.note()))
                .toList();
        return Optional.of(new OrderStatus(
                order.id(),
                order.state().name(),
                new OrderStatus.Saga(
                        saga.id(), saga.state().name(), saga.attempt(), saga.deadline(), saga.reason(), steps),
                order.total(),
                order.currency(),
                order.express()));
    }

    private PurchaseOrder validated(NewOrder request, UUID correlationId) {
        var violations = new ArrayList<InvalidOrder.Violation>();
        if (request.customerId() == null || !customers.knows(request.customerId())) {
            violations.add(new InvalidOrder.Violation("customerId", "No such customer"));
        }
        if (request.lines() == null
                || request.lines().isEmpty()
                || request.lines().size() > MAX_LINES) {
            violations.add(new InvalidOrder.Violation("lines", "1 to " + MAX_LINES + " lines"));
        }
        var lines = new ArrayList<OrderLine>();
        var currencies = new HashSet<String>();
        var skus = new HashSet<String>();
        var index = 0;
        for (var line : request.lines() == null ? java.util.List.<NewOrder.Line>of() : request.lines()) {
            var field = "lines[" + index++ + "]";
            var product = line.sku() == null ? null : em.find(Product.class, line.sku());
            if (product == null) {
                violations.add(new InvalidOrder.Violation(field + ".sku", "No such product"));
            } else if (!skus.add(line.sku())) {
                violations.add(new InvalidOrder.Violation(field + ".sku", "Each SKU once per order"));
            } else if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                violations.add(new InvalidOrder.Violation(field + ".quantity", "1 to " + MAX_QUANTITY));
            } else {
                lines.add(new OrderLine(product.sku(), line.quantity(), product.unitPrice()));
                currencies.add(product.currency());
            }
        }
        if (currencies.size() > 1) {
            violations.add(new InvalidOrder.Violation("lines", "All products of an order in one currency"));
        }
        var document = request.attachment() == null
                ? Optional.<ClaimReference>empty()
                : new ClaimCheck(dataSource).describe(request.attachment());
        if (request.attachment() != null && document.isEmpty()) {
            violations.add(new InvalidOrder.Violation("attachment", "No such attachment (store it first)"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidOrder(violations);
        }
        var order = new PurchaseOrder(
                request.customerId(),
                request.express(),
                lines,
                currencies.iterator().next(),
                correlationId,
                Instant.now());
        document.ifPresent(reference -> order.attach(new org.switchboard.ordering.entity.Attachment(
                reference.claimId(), reference.sha256(), reference.size(), reference.mediaType())));
        return order;
    }
}
