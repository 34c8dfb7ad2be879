package org.switchboard.messaging;

import java.lang.reflect.Method;

/**
 * A {@code @Transactional} method returned normally, but its transaction was already marked for
 * rollback: nothing it did is stored. Thrown by {@link CommitGuard} so that the caller cannot take
 * the rollback for a commit. A consumer's message is then redelivered (or deferred, while the
 * database is unreachable) instead of being acknowledged without effect.
 *
 * <p>The usual cause is a database failure that somebody swallowed. IronJacamar marks the
 * transaction for rollback when a connection breaks, and Hibernate's {@code EntityManager.find}
 * then answers {@code null} instead of throwing (HHH-12472): the code goes on as if the row did
 * not exist. {@link Transience} treats this exception as a failure of the database, so it asks the
 * database whether it is reachable.
 */
public class RolledBackException extends RuntimeException {

    public RolledBackException(Method method) {
        super(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                + " returned, but its transaction was marked for rollback: nothing it did is committed");
    }
}
