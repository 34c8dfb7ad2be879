package org.switchboard.messaging;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Makes a {@code @Transactional} method whose transaction will roll back fail instead of return.
 *
 * <p>Narayana's interceptor for {@code @Transactional} commits when the method returns, unless the
 * transaction is marked for rollback; then it rolls back and returns as if all went well. Combined
 * with Hibernate's {@code find}, which answers {@code null} for a failed read in a transaction
 * marked for rollback (HHH-12472), a database connection lost in the middle of a consumer's local
 * transaction made the consumer return normally with its work rolled back, and the broker then
 * acknowledged the message: a {@code ReleaseStock} lost in a resilience run this way left a
 * cancelled order's stock reserved. This interceptor runs inside the transaction (its priority is
 * after Narayana's, {@code PLATFORM_BEFORE + 200}) and throws {@link RolledBackException} when the
 * method returns into a transaction marked for rollback, which Narayana then rolls back and passes
 * on.
 *
 * <p>One interceptor per transaction type that can start a transaction ({@code value} is a binding
 * member of {@code @Transactional}); {@code MANDATORY} and {@code SUPPORTS} methods run in their
 * caller's transaction, whose own boundary is guarded.
 */
public abstract class CommitGuard {

    private static final String REGISTRY = "java:jboss/TransactionSynchronizationRegistry";

    private static volatile TransactionSynchronizationRegistry registry;

    @AroundInvoke
    public Object guard(InvocationContext invocation) throws Exception {
        var result = invocation.proceed();
        if (registry().getTransactionStatus() == Status.STATUS_MARKED_ROLLBACK) {
            throw new RolledBackException(invocation.getMethod());
        }
        return result;
    }

    private static TransactionSynchronizationRegistry registry() throws NamingException {
        var found = registry;
        if (found == null) {
            found = (TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY);
            registry = found;
        }
        return found;
    }

    /** For {@code @Transactional} and {@code @Transactional(REQUIRED)}. */
    @Transactional(Transactional.TxType.REQUIRED)
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
    public static class Required extends CommitGuard {}

    /** For {@code @Transactional(REQUIRES_NEW)}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
    public static class RequiresNew extends CommitGuard {}
}
