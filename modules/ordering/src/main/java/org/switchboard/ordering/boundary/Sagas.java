package org.switchboard.ordering.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.ordering.control.SagaDiagram;
import org.switchboard.ordering.entity.OrderSaga;
import org.switchboard.ordering.entity.SagaDefinition;
import org.switchboard.ordering.entity.SagaState;
import org.switchboard.ordering.entity.SagaStep;

/**
 * The order sagas, read only, for the people who run Switchboard: how many stand where, each one's
 * step, deadline and history, and the saga's definition drawn from its code. Ordering owns this
 * view of its own state; what may be done about a saga is Operations' (a four-eyes re-drive, sent
 * to Ordering as a message). Every operations role may look.
 */
@Stateless
@RolesAllowed({"viewer", "operator", "approver"})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Sagas {

    /** The states a saga can be in, in the order it reaches them. */
    public static final List<String> STATES =
            List.of(SagaState.values()).stream().map(Enum::name).toList();

    private static final SagaDiagram DIAGRAM = new SagaDiagram(SagaDefinition.orderSaga());

    @PersistenceContext(unitName = "ordering")
    EntityManager em;

    /** How many sagas are in each state (every state, zeros included). */
    public Map<String, Long> counts() {
        var counts = new EnumMap<SagaState, Long>(SagaState.class);
        for (var state : SagaState.values()) {
            counts.put(state, 0L);
        }
        em.createQuery("select s.state, count(s) from OrderSaga s group by s.state", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((SagaState) row[0], ((Number) row[1]).longValue()));
        var named = new java.util.LinkedHashMap<String, Long>();
        counts.forEach((state, count) -> named.put(state.name(), count));
        return named;
    }

    /**
     * A page of sagas, the most recently changed first.
     *
     * @param state one of {@link #STATES}, or null for all
     * @throws IllegalArgumentException when the state is none of them
     */
    public List<SagaSummary> list(String state, int offset, int limit) {
        var query = state == null
                ? em.createQuery(
                        "select s, o.correlationId from OrderSaga s, PurchaseOrder o where o.id = s.orderId"
                                + " order by s.updatedAt desc, s.id",
                        Object[].class)
                : em.createQuery(
                                "select s, o.correlationId from OrderSaga s, PurchaseOrder o where o.id = s.orderId"
                                        + " and s.state = :state order by s.updatedAt desc, s.id",
                                Object[].class)
                        .setParameter("state", SagaState.valueOf(state));
        var now = Instant.now();
        return query.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(row -> summary((OrderSaga) row[0], (UUID) row[1], now))
                .toList();
    }

    /** How many sagas {@link #list} pages through. */
    public long total(String state) {
        return state == null
                ? em.createQuery("select count(s) from OrderSaga s", Long.class).getSingleResult()
                : em.createQuery("select count(s) from OrderSaga s where s.state = :state", Long.class)
                        .setParameter("state", SagaState.valueOf(state))
                        .getSingleResult();
    }

    /** One saga with its history, or empty when there is none with this id. */
    public Optional<SagaDetail> of(UUID sagaId) {
        var rows = em.createQuery(
                        "select s, o.correlationId from OrderSaga s, PurchaseOrder o where o.id = s.orderId"
                                + " and s.id = :id",
                        Object[].class)
                .setParameter("id", sagaId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var saga = (OrderSaga) rows.get(0)[0];
        var history = em.createNamedQuery(SagaStep.OF_SAGA, SagaStep.class)
                .setParameter("sagaId", sagaId)
                .getResultStream()
                .map(step -> new SagaDetail.Line(step.at(), step.state().name(), step.note()))
                .toList();
        return Optional.of(new SagaDetail(
                summary(saga, (UUID) rows.get(0)[1], Instant.now()),
                saga.pendingCommand().map(Enum::name).orElse(null),
                history));
    }

    /** The saga's definition as an SVG image, drawn from the code that runs it. */
    public String diagramSvg() {
        return DIAGRAM.svg();
    }

    /** The saga's definition as Mermaid text, drawn from the code that runs it. */
    public String diagramMermaid() {
        return DIAGRAM.mermaid();
    }

    private static SagaSummary summary(OrderSaga saga, UUID correlationId, Instant now) {
        var overdue = saga.deadline() != null
                && saga.deadline().isBefore(now)
                && !saga.state().ended();
        return new SagaSummary(
                saga.id(),
                saga.orderId(),
                correlationId,
                saga.state().name(),
                new SagaSummary.Timing(saga.attempt(), saga.deadline(), overdue, saga.updatedAt()),
                saga.reason());
    }
}
