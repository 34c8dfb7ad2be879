package org.switchboard.operations.boundary;

import jakarta.ejb.Stateless;
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

    /** @param actionName REPLAY or DELETE */
    public RequestView request(String actionName, String queue, List<String> messageIds, String reason, String user) {
        Action action;
        try {
            action = Action.valueOf(actionName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("action is REPLAY or DELETE, not " + actionName);
        }
        if (messageIds == null || messageIds.isEmpty() || messageIds.size() > MAX_MESSAGES) {
            throw new IllegalArgumentException("Name 1 to " + MAX_MESSAGES + " messages");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why");
        }
        var request = new ActionRequest(
                action, queue, messageIds, reason.strip(), user, dryRun(queue, messageIds), Instant.now());
        em.persist(request);
        audit(user, "REQUESTED_" + action, request, null, reason + " | dry run: " + request.dryRun());
        return RequestView.of(request);
    }

    /** Approves or rejects someone else's request; an approved one is carried out at once. */
    public RequestView decide(UUID id, String user, boolean approve, String why) {
        var request = find(id).orElseThrow(() -> new IllegalArgumentException("No request " + id));
        if (user.equals(request.requestedBy())) {
            audit(user, "SELF_DECISION_REFUSED", request, null, why);
            throw new FourEyesViolation(user);
        }
        request.decide(user, approve, why, Instant.now());
        audit(user, approve ? "APPROVED" : "REJECTED", request, null, why);
        if (approve) {
            carryOut(request, user);
        }
        return RequestView.of(request);
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

    private void carryOut(ActionRequest request, String approver) {
        var outcomes = new ArrayList<String>();
        var allDone = true;
        for (var id : request.messageIds()) {
            var done = request.action() == Action.REPLAY
                    ? monitor.broker().retry(request.queue(), id)
                    : monitor.broker().remove(request.queue(), id);
            var what = request.action() == Action.REPLAY ? "REPLAYED" : "DELETED";
            audit(approver, done ? what : "NOT_FOUND", request, id, done ? null : "no longer in " + request.queue());
            outcomes.add(id + ": " + (done ? what : "not found"));
            allDone &= done;
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1) / PER_SECOND);
        }
        request.finish(allDone, String.join("\n", outcomes));
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
