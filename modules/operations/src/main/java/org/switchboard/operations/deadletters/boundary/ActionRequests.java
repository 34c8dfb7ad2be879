package org.switchboard.operations.deadletters.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.operations.broker.control.BrokerQueues;
import org.switchboard.operations.broker.control.QueueBrowser;
import org.switchboard.operations.broker.control.QueueKinds;
import org.switchboard.operations.deadletters.control.DryRun;
import org.switchboard.operations.deadletters.control.RequestApproved;
import org.switchboard.operations.deadletters.entity.ActionRequest;
import org.switchboard.operations.deadletters.entity.ActionRequest.Action;
import org.switchboard.operations.foureyes.boundary.AuditView;
import org.switchboard.operations.foureyes.boundary.Decisions;
import org.switchboard.operations.foureyes.boundary.InvalidRequest;
import org.switchboard.operations.foureyes.control.AuditTrail;

/**
 * Four-eyes replay and deletion of dead letters. An operator asks, with a reason; the system runs
 * a dry run at once (is each message still there, does it pass its current schema, where would it
 * go); a different user with the approver role approves or rejects. An approval is committed, and
 * then carried out off the request thread (see {@code ApprovedRequests}): the messages are moved
 * back to their original queue (or deleted) one by one, each by one atomic broker operation, so
 * each is there exactly once. Every step is audited. The caller is whoever the container says is
 * calling, in lower case: "Alice" and "alice" are one person.
 */
@Stateless
@RolesAllowed({"viewer", "operator", "approver"})
public class ActionRequests {

    public static final int MAX_MESSAGES = 200;

    @PersistenceContext(unitName = "operations")
    EntityManager em;

    @Inject
    BrokerQueues broker;

    @Inject
    DryRun dryRun;

    @Inject
    AuditTrail audit;

    @Inject
    Decisions decisions;

    @Inject
    Event<RequestApproved> approvals;

    @Resource
    SessionContext context;

    /**
     * An operator's request, with its dry run.
     *
     * @param actionName REPLAY or DELETE
     * @param queueName the dead-letter queue by its JMS name ({@code DLQ.marketing.commands}) or
     *     the broker's ({@code jms.queue.DLQ.marketing.commands}); the request stores the broker's
     * @throws InvalidRequest when it names no action, no dead-letter queue, no or too many message
     *     ids, or no reason
     */
    @RolesAllowed("operator")
    public RequestView request(String actionName, String queueName, List<String> messageIds, String reason) {
        var action = action(actionName);
        var queue = QueueKinds.coreName(queueName);
        if (!broker.isDeadLetterQueue(queue)) {
            throw new InvalidRequest(queueName + " is not a dead-letter queue");
        }
        if (messageIds == null || messageIds.isEmpty() || messageIds.size() > MAX_MESSAGES) {
            throw new InvalidRequest("Name 1 to " + MAX_MESSAGES + " messages");
        }
        for (var id : messageIds) {
            if (!QueueBrowser.isMessageId(id)) {
                throw new InvalidRequest("Not a JMS message id: " + id);
            }
        }
        if (!Decisions.said(reason)) {
            throw new InvalidRequest("Say why, in at most " + Decisions.MAX_REASON + " characters");
        }
        var user = caller();
        var request = new ActionRequest(
                action, queue, messageIds, reason.strip(), user, dryRun.of(queue, messageIds), Instant.now());
        em.persist(request);
        audit.record(user, action.requested(), request, reason + " | dry run: " + request.dryRun());
        return RequestView.of(request);
    }

    /**
     * Approves someone else's request. The approval is committed when this returns; carrying it out
     * starts after that, on another thread, and its progress is in the audit trail.
     *
     * @throws InvalidDecision (or one of its kinds) when the request cannot be approved as it stands
     */
    @RolesAllowed("approver")
    public RequestView approve(UUID id, String why) {
        var request = decide(id, true, why);
        approvals.fire(new RequestApproved(id, request.decidedBy()));
        return RequestView.of(request);
    }

    /** Rejects someone else's request: nothing is done to its messages. */
    @RolesAllowed("approver")
    public RequestView reject(UUID id, String why) {
        return RequestView.of(decide(id, false, why));
    }

    public Optional<RequestView> request(UUID id) {
        return Optional.ofNullable(em.find(ActionRequest.class, id)).map(RequestView::of);
    }

    /** The latest 200 requests, newest first. */
    public List<RequestView> requests() {
        return em.createNamedQuery(ActionRequest.ALL, ActionRequest.class)
                .setMaxResults(200)
                .getResultStream()
                .map(RequestView::of)
                .toList();
    }

    /** The latest 500 audit entries, newest first. */
    public List<AuditView> audit() {
        return audit.latest(500).stream().map(AuditView::of).toList();
    }

    private ActionRequest decide(UUID id, boolean approve, String why) {
        return decisions.decide(em.find(ActionRequest.class, id), id, caller(), approve, why);
    }

    private static Action action(String name) {
        try {
            return Action.valueOf(String.valueOf(name));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("action is REPLAY or DELETE, not " + name);
        }
    }

    private String caller() {
        return context.getCallerPrincipal().getName().toLowerCase(Locale.ROOT);
    }
}
