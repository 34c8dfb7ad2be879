package org.switchboard.operations.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.switchboard.messaging.MessageType;
import org.switchboard.messaging.schema.MessageSchemas;
import org.switchboard.operations.control.DeadLetterBrowser;
import org.switchboard.operations.entity.ActionRequest;
import org.switchboard.operations.entity.ActionRequest.Action;
import org.switchboard.operations.entity.AuditEntry;

/**
 * Four-eyes replay and deletion of dead letters. An operator asks, with a reason; the system runs
 * a dry run at once (is each message still there, does it pass its current schema, where would it
 * go); a different user with the approver role approves or rejects. On approval the messages are
 * moved back to their original queue (or deleted) one by one, at most {@link #PER_SECOND} a second,
 * each by one atomic broker operation, so each is there exactly once. Every step is audited.
 */
@Stateless
@PermitAll // reading; every method that changes something names its role
public class ActionRequests {

    public static final int MAX_MESSAGES = 200;
    public static final int PER_SECOND = 20;

    @PersistenceContext(unitName = "operations")
    EntityManager em;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Inject
    QueueMonitor monitor;

    @Resource
    SessionContext context;

    static final String MESSAGE_ID = "ID:[0-9a-fA-F-]{1,60}";

    /**
     * An operator's request; the caller is whoever the container says is calling.
     *
     * @param actionName REPLAY or DELETE
     */
    @RolesAllowed("operator")
    public RequestView request(String actionName, String queue, List<String> messageIds, String reason) {
        Action action;
        try {
            action = Action.valueOf(String.valueOf(actionName));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("action is REPLAY or DELETE, not " + actionName);
        }
        requireDeadLetterQueue(queue);
        if (messageIds == null || messageIds.isEmpty() || messageIds.size() > MAX_MESSAGES) {
            throw new InvalidRequest("Name 1 to " + MAX_MESSAGES + " messages");
        }
        for (var id : messageIds) {
            if (id == null || !id.matches(MESSAGE_ID)) {
                throw new InvalidRequest("Not a JMS message id: " + id);
            }
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidRequest("Say why, in at most 1000 characters");
        }
        var user = caller();
        var request = new ActionRequest(
                action, queue, messageIds, reason.strip(), user, dryRun(queue, messageIds), Instant.now());
        em.persist(request);
        audit(user, "REQUESTED_" + action, request, null, reason + " | dry run: " + request.dryRun());
        return RequestView.of(request);
    }

    /**
     * Approves or rejects someone else's request. Only the decision is made here, and committed
     * (a concurrent decision on the same request loses on its version and gets a conflict);
     * carrying an approval out is {@link #carryOut}, which the caller runs next, in transactions
     * of its own.
     */
    @RolesAllowed("approver")
    public RequestView decide(UUID id, boolean approve, String why) {
        if (why == null || why.isBlank() || why.length() > 1000) {
            throw new InvalidRequest("Say why, in at most 1000 characters");
        }
        var user = caller();
        var request = find(id).orElseThrow(() -> new InvalidRequest("No request " + id));
        if (!request.status().equals(ActionRequest.Status.PENDING)) {
            throw new InvalidRequest("Request " + id + " is " + request.status() + ", not PENDING");
        }
        if (user.equals(request.requestedBy())) {
            audit(user, "SELF_DECISION_REFUSED", request, null, why);
            throw new FourEyesViolation(user);
        }
        request.decide(user, approve, why.strip(), Instant.now());
        audit(user, approve ? "APPROVED" : "REJECTED", request, null, why);
        em.flush();
        return RequestView.of(request);
    }

    /**
     * Carries out an approved request, one message per transaction, at most {@link #PER_SECOND}
     * a second. A message already audited as replayed or deleted is skipped, so running it again
     * after an interruption finishes the job without touching anything twice.
     */
    @RolesAllowed("approver")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RequestView carryOut(UUID id) {
        var self = context.getBusinessObject(ActionRequests.class);
        var request = self.approved(id);
        var user = caller();
        var done = new java.util.HashSet<String>();
        for (var entry : auditOf(id)) {
            if ("REPLAYED".equals(entry.action()) || "DELETED".equals(entry.action())) {
                done.add(entry.messageId());
            }
        }
        var outcomes = new ArrayList<String>();
        var allDone = true;
        for (var messageId : request.messageIds()) {
            if (done.contains(messageId)) {
                outcomes.add(messageId + ": already done");
                continue;
            }
            var moved = self.step(id, request.action(), request.queue(), messageId, user);
            outcomes.add(messageId + ": "
                    + (moved ? request.action() == Action.REPLAY ? "replayed" : "deleted" : "not found"));
            allDone &= moved;
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1) / PER_SECOND);
        }
        return self.finish(id, allDone, String.join("\n", outcomes));
    }

    /** For {@link #carryOut}: the request, which must be approved. */
    @RolesAllowed("approver")
    public ActionRequest approved(UUID id) {
        var request = find(id).orElseThrow(() -> new InvalidRequest("No request " + id));
        if (request.status() != ActionRequest.Status.APPROVED) {
            throw new InvalidRequest("Request " + id + " is " + request.status() + ", not APPROVED");
        }
        em.detach(request);
        return request;
    }

    /** For {@link #carryOut}: one message moved (or deleted) and audited, in a transaction of its own. */
    @RolesAllowed("approver")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean step(UUID id, Action action, String queue, String messageId, String user) {
        var moved = action == Action.REPLAY
                ? monitor.broker().retry(queue, messageId)
                : monitor.broker().remove(queue, messageId);
        em.persist(new AuditEntry(
                user,
                moved ? action == Action.REPLAY ? "REPLAYED" : "DELETED" : "NOT_FOUND",
                id,
                queue,
                messageId,
                moved ? null : "no longer in " + queue,
                Instant.now()));
        return moved;
    }

    /** For {@link #carryOut}: the request's final status. */
    @RolesAllowed("approver")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public RequestView finish(UUID id, boolean allDone, String outcome) {
        var request = find(id).orElseThrow();
        request.finish(allDone, outcome);
        return RequestView.of(request);
    }

    /** Triage and requests work on dead-letter queues only, never on a live one. */
    public void requireDeadLetterQueue(String queue) {
        var isDeadLetterQueue = monitor.now().stream()
                .anyMatch(q -> q.queue().equals(queue) && q.kind() == QueueStatus.Kind.DEAD_LETTER);
        if (!isDeadLetterQueue) {
            throw new InvalidRequest(queue + " is not a dead-letter queue");
        }
    }

    /** The caller as the container knows them, in lower case: "Alice" and "alice" are one person. */
    private String caller() {
        return context.getCallerPrincipal().getName().toLowerCase(java.util.Locale.ROOT);
    }

    public Optional<RequestView> request(UUID id) {
        return find(id).map(RequestView::of);
    }

    private Optional<ActionRequest> find(UUID id) {
        return Optional.ofNullable(em.find(ActionRequest.class, id));
    }

    public List<RequestView> requests() {
        return em.createNamedQuery(ActionRequest.ALL, ActionRequest.class)
                .setMaxResults(200)
                .getResultStream()
                .map(RequestView::of)
                .toList();
    }

    public List<AuditView> audit() {
        return em.createNamedQuery(AuditEntry.LATEST, AuditEntry.class)
                .setMaxResults(500)
                .getResultStream()
                .map(AuditView::of)
                .toList();
    }

    public List<AuditView> auditOf(UUID request) {
        return em.createNamedQuery(AuditEntry.OF_REQUEST, AuditEntry.class)
                .setParameter("request", request)
                .getResultStream()
                .map(AuditView::of)
                .toList();
    }

    /** What would happen, per message, before anyone approves. */
    private String dryRun(String queue, List<String> messageIds) {
        var browser = new DeadLetterBrowser(jms);
        var lines = new ArrayList<String>();
        for (var id : messageIds) {
            if (!id.matches("ID:[0-9a-fA-F-]+")) {
                lines.add(id + ": not a JMS message id");
                continue;
            }
            var found = browser.browse(queue, "JMSMessageID = '" + id + "'", 1);
            if (found.isEmpty()) {
                lines.add(id + ": not in " + queue);
                continue;
            }
            var message = found.get(0);
            var type = message.type() == null || message.schemaVersion() == null
                    ? null
                    : new MessageType(message.type(), message.schemaVersion());
            String schema;
            if (type == null || !MessageSchemas.standard().knows(type)) {
                schema = "no current schema for " + message.type() + " v" + message.schemaVersion()
                        + " (it would be dead-lettered again)";
            } else {
                List<org.switchboard.messaging.schema.SchemaViolation> violations;
                try {
                    violations = MessageSchemas.standard().validate(type, message.body());
                } catch (RuntimeException e) {
                    violations = List.of(new org.switchboard.messaging.schema.SchemaViolation(
                            "(root)", "json", "the body is not JSON"));
                }
                schema = violations.isEmpty()
                        ? "valid against the current schema of " + type
                        : "INVALID against the current schema of " + type + ": " + violations
                                + " (it would be dead-lettered again)";
            }
            lines.add(id + ": back to " + message.originalQueue() + "; " + schema
                    + "; already processed: the consumer's idempotency key " + message.messageId()
                    + " makes a second delivery harmless");
        }
        return String.join("\n", lines);
    }

    private void audit(String actor, String action, ActionRequest request, String messageId, String detail) {
        em.persist(new AuditEntry(actor, action, request.id(), request.queue(), messageId, detail, Instant.now()));
    }
}
