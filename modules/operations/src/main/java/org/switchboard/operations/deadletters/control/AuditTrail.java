package org.switchboard.operations.deadletters.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.switchboard.operations.deadletters.entity.ActionRequest;
import org.switchboard.operations.deadletters.entity.AuditAction;
import org.switchboard.operations.deadletters.entity.AuditEntry;

/** The audit trail: who did what to which dead letter, when and why. Written in the caller's transaction, never changed. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {

    @PersistenceContext(unitName = "operations")
    EntityManager em;

    /** Something done about a request as a whole. */
    public void record(String actor, AuditAction action, ActionRequest request, String detail) {
        record(actor, action, request.id(), request.queue(), null, detail);
    }

    public void record(String actor, AuditAction action, UUID request, String queue, String messageId, String detail) {
        em.persist(new AuditEntry(actor, action, request, queue, messageId, detail, Instant.now()));
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
