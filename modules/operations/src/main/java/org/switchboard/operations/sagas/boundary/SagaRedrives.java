package org.switchboard.operations.sagas.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.operations.foureyes.boundary.Decisions;
import org.switchboard.operations.foureyes.boundary.InvalidRequest;
import org.switchboard.operations.foureyes.control.AuditTrail;
import org.switchboard.operations.foureyes.entity.AuditAction;
import org.switchboard.operations.sagas.control.RedriveCommands;
import org.switchboard.operations.sagas.entity.RedriveAction;
import org.switchboard.operations.sagas.entity.RedriveRequest;

/**
 * Four-eyes re-drives of stuck order sagas. An operator asks (resend the pending command, or force
 * the compensation) with a reason; a different user with the approver role approves or rejects. An
 * approval and the {@code RedriveSaga} command to Ordering are committed together; Ordering applies
 * it only if the saga still waits in a step, and writes the outcome to the saga's history. Every
 * step is in the audit trail the dead letters' requests share. Operations knows a saga only by the
 * ids the caller names; the saga's state is Ordering's.
 */
@Stateless
@RolesAllowed({"viewer", "operator", "approver"})
public class SagaRedrives {

    @PersistenceContext(unitName = "operations")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Decisions decisions;

    @Inject
    RedriveCommands commands;

    @Resource
    SessionContext context;

    /**
     * An operator's request.
     *
     * @param correlationId the saga's flow, which the command to Ordering carries
     * @param actionName RESEND_PENDING or FORCE_COMPENSATION
     * @throws InvalidRequest when it names no saga, no such action, or no reason
     */
    @RolesAllowed("operator")
    public RedriveView request(UUID sagaId, UUID correlationId, String actionName, String reason) {
        if (sagaId == null || correlationId == null) {
            throw new InvalidRequest("Name the saga and its correlation id");
        }
        var action = action(actionName);
        if (!Decisions.said(reason)) {
            throw new InvalidRequest("Say why, in at most " + Decisions.MAX_REASON + " characters");
        }
        var user = caller();
        var request = new RedriveRequest(sagaId, correlationId, action, reason.strip(), user, Instant.now());
        em.persist(request);
        audit.record(user, action.requested(), request, "saga " + sagaId + ": " + reason);
        return RedriveView.of(request);
    }

    /** Approves someone else's request; the command to Ordering is committed with the approval. */
    @RolesAllowed("approver")
    public RedriveView approve(UUID id, String why) {
        var request = decisions.decide(em.find(RedriveRequest.class, id), id, caller(), true, why);
        var command = commands.send(request);
        audit.record(
                request.decidedBy(),
                AuditAction.REDRIVE_SENT,
                request,
                "saga " + request.sagaId() + ": RedriveSaga " + command.action() + " to Ordering, message "
                        + command.messageId());
        return RedriveView.of(request);
    }

    /** Rejects someone else's request: nothing is sent. */
    @RolesAllowed("approver")
    public RedriveView reject(UUID id, String why) {
        return RedriveView.of(decisions.decide(em.find(RedriveRequest.class, id), id, caller(), false, why));
    }

    public Optional<RedriveView> request(UUID id) {
        return Optional.ofNullable(em.find(RedriveRequest.class, id)).map(RedriveView::of);
    }

    /** The requests for one saga, newest first. */
    public List<RedriveView> ofSaga(UUID sagaId) {
        return em.createNamedQuery(RedriveRequest.OF_SAGA, RedriveRequest.class)
                .setParameter("sagaId", sagaId)
                .setMaxResults(100)
                .getResultStream()
                .map(RedriveView::of)
                .toList();
    }

    private static RedriveAction action(String name) {
        try {
            return RedriveAction.valueOf(String.valueOf(name));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("action is RESEND_PENDING or FORCE_COMPENSATION, not " + name);
        }
    }

    private String caller() {
        return context.getCallerPrincipal().getName().toLowerCase(Locale.ROOT);
    }
}
