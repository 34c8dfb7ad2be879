package org.switchboard.operations.deadletters.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.switchboard.operations.broker.control.BrokerQueues;
import org.switchboard.operations.deadletters.entity.ActionRequest;
import org.switchboard.operations.deadletters.entity.ActionRequest.Action;
import org.switchboard.operations.foureyes.control.AuditTrail;
import org.switchboard.operations.foureyes.entity.AuditAction;
import org.switchboard.operations.foureyes.entity.AuditEntry;

/**
 * The steps of carrying out an approved request, each in a transaction of its own, each audited:
 * its start, every message, its end. A message already audited as replayed or deleted is not
 * touched again, so carrying a request out a second time (after an interruption) finishes the job.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class RequestSteps {

    /**
     * What an approved request asks, and which of its messages were done before.
     *
     * @param done messages audited as replayed or deleted already
     */
    public record Plan(UUID requestId, Action action, String queue, List<String> messageIds, Set<String> done) {}

    @PersistenceContext(unitName = "operations")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    BrokerQueues broker;

    /** Begins carrying out a request, audited; empty when the request is not approved (any more). */
    public Optional<Plan> start(UUID id, String actor) {
        var request = em.find(ActionRequest.class, id);
        if (request == null || request.status() != ActionRequest.Status.APPROVED) {
            return Optional.empty();
        }
        var done = audit.of(id).stream()
                .filter(entry -> entry.action() == AuditAction.REPLAYED || entry.action() == AuditAction.DELETED)
                .map(AuditEntry::messageId)
                .collect(Collectors.toSet());
        audit.record(
                actor,
                request.action().started(),
                request,
                request.messageIds().size() + " message(s)"
                        + (done.isEmpty() ? "" : ", " + done.size() + " done before"));
        return Optional.of(new Plan(id, request.action(), request.queue(), request.messageIds(), done));
    }

    /**
     * One message moved back to where it came from, or removed, by one atomic broker operation.
     *
     * @return {@link AuditAction#REPLAYED} or {@link AuditAction#DELETED}, or
     *     {@link AuditAction#NOT_FOUND} when the message is no longer there
     */
    public AuditAction carryOut(Plan plan, String messageId, String actor) {
        var found = plan.action() == Action.REPLAY
                ? broker.retry(plan.queue(), messageId)
                : broker.remove(plan.queue(), messageId);
        var result = found ? plan.action().done() : AuditAction.NOT_FOUND;
        audit.record(
                actor,
                result,
                plan.requestId(),
                plan.queue(),
                messageId,
                found ? null : "no longer in " + plan.queue());
        return result;
    }

    /** The request's final status and outcome (one line per message), and its end audited with the counts. */
    public void finish(Plan plan, boolean allFound, List<String> outcome, String counts, String actor) {
        var request = em.find(ActionRequest.class, plan.requestId());
        request.finish(allFound, String.join("\n", outcome));
        audit.record(actor, plan.action().finished(), request, counts);
    }
}
