package org.switchboard.operations.foureyes.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.switchboard.operations.foureyes.entity.AuditAction;
import org.switchboard.operations.foureyes.entity.AuditEntry;
import org.switchboard.operations.foureyes.entity.FourEyesRequest;

/**
 * The audit trail: who did what to which dead letter or saga, when and why. Written in the caller's
 * transaction, never changed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {

    @PersistenceContext(unitName = "operations")
    EntityManager em;

    /** Something done about a request as a whole. */
    public void record(String actor, AuditAction action, FourEyesRequest request, String detail) {
        record(actor, action, request.id(), request.queue(), null, detail);
    }

    public void record(String actor, AuditAction action, UUID request, String queue, String messageId, String detail) {
        em.persist(new AuditEntry(actor, action, request, queue, messageId, detail, Instant.now()));
    }

    /** Dead letters that left a queue outside four-eyes, audited in the caller's transaction. */
    public void changedOutside(String queue, long messages, String detail) {
        em.persist(AuditEntry.changedOutside(queue, messages, detail, Instant.now()));
    }

    /** Per queue: messages Switchboard replayed or deleted since then. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> removedSince(Instant since) {
        return perQueue(em.createNamedQuery(AuditEntry.REMOVED_SINCE, Object[].class)
                .setParameter("actions", List.of(AuditAction.REPLAYED, AuditAction.DELETED))
                .setParameter("since", since)
                .getResultList());
    }

    /** Per queue: messages audited as gone outside four-eyes since then. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> changedOutsideSince(Instant since) {
        return perQueue(em.createNamedQuery(AuditEntry.OUTSIDE_SINCE, Object[].class)
                .setParameter("action", AuditAction.CHANGED_OUTSIDE_FOUR_EYES)
                .setParameter("since", since)
                .getResultList());
    }

    private static Map<String, Long> perQueue(List<Object[]> rows) {
        var counts = new HashMap<String, Long>();
        for (var row : rows) {
            if (row[0] != null && row[1] != null) {
                counts.put((String) row[0], ((Number) row[1]).longValue());
            }
        }
        return counts;
    }

    /** The latest entries, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> latest(int limit) {
        return em.createNamedQuery(AuditEntry.LATEST, AuditEntry.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Every entry of one request, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> of(UUID request) {
        return em.createNamedQuery(AuditEntry.OF_REQUEST, AuditEntry.class)
                .setParameter("request", request)
                .getResultList();
    }
}
