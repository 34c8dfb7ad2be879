package org.switchboard.operations.foureyes.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.switchboard.operations.foureyes.control.AuditTrail;
import org.switchboard.operations.foureyes.entity.AuditAction;
import org.switchboard.operations.foureyes.entity.FourEyesRequest;

/**
 * Deciding on a request the four-eyes way, the same for every kind of request: a reason is
 * required, only a pending request is decided, never by the person who asked (the attempt is
 * audited and stays so), and a concurrent decision on the same request loses on its version. The
 * decision is flushed before this returns, in the caller's transaction.
 */
@ApplicationScoped
// A refused self-decision is audited and stays so: that refusal must not roll the transaction back.
@Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = FourEyesViolation.class)
public class Decisions {

    /** The longest reason a request or a decision may give. */
    public static final int MAX_REASON = 1000;

    @PersistenceContext(unitName = "operations")
    EntityManager em;

    @Inject
    AuditTrail audit;

    /**
     * @param request the request as found, or null when there is none with this id
     * @throws InvalidDecision (or one of its kinds) when it cannot be decided as it stands
     */
    public <R extends FourEyesRequest> R decide(R request, UUID id, String user, boolean approve, String why) {
        if (request == null) {
            throw new UnknownRequest(id);
        }
        if (!said(why)) {
            throw new InvalidDecision("Say why, in at most " + MAX_REASON + " characters");
        }
        if (!request.pending()) {
            throw new InvalidDecision("Request " + id + " is " + request.status() + ", not PENDING");
        }
        if (user.equals(request.requestedBy())) {
            audit.record(user, AuditAction.SELF_DECISION_REFUSED, request, why);
            throw new FourEyesViolation(user);
        }
        request.decide(user, approve, why.strip(), Instant.now());
        audit.record(user, approve ? AuditAction.APPROVED : AuditAction.REJECTED, request, why);
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentDecision(id);
        }
        return request;
    }

    /** A reason was given, and not too long. */
    public static boolean said(String why) {
        return why != null && !why.isBlank() && why.length() <= MAX_REASON;
    }
}
