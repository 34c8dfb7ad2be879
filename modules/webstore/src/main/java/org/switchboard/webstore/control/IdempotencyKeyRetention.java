package org.switchboard.webstore.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets idempotency keys once their retention is over (the boundary's {@code
 * IdempotencyKey.RETENTION}, 24 h): a retry after that is a new request. Every node may run it;
 * deleting is harmless twice.
 */
@Stateless
public class IdempotencyKeyRetention {

    private static final System.Logger LOG = System.getLogger(IdempotencyKeyRetention.class.getName());

    /** How long a key and its outcome are kept (at least: the sweep runs every 10 minutes). */
    public static final Duration RETENTION = Duration.ofHours(24);

    @PersistenceContext(unitName = "webstore")
    EntityManager em;

    @Schedule(hour = "*", minute = "*/10", persistent = false, info = "idempotency key retention")
    void forgetExpired() {
        var forgotten = em.createQuery("delete from RegistrationOutcome o where o.createdAt < :before")
                .setParameter("before", Instant.now().minus(RETENTION))
                .executeUpdate();
        if (forgotten > 0) {
            LOG.log(System.Logger.Level.INFO, "Forgot {0} idempotency key(s) older than {1}", forgotten, RETENTION);
        }
    }
}
