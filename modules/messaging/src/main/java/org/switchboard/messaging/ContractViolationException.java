package org.switchboard.messaging;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;
import org.switchboard.messaging.schema.SchemaViolation;

/**
 * A producer tried to send a message that breaks its own schema. Nothing is sent: the exception
 * propagates out of the transaction, which rolls back the send together with the producer's
 * database write. The message names every offending field.
 *
 * <p>It is an EJB application exception that dooms the transaction: thrown by an EJB (every
 * context's {@code TransactionalOutbox} is one) it reaches the caller as itself, not wrapped in an
 * {@code EJBTransactionRolledbackException}, and the work the caller did before it rolls back. So
 * the Web Store can answer 422, and a consumer that handles a message in its own local transaction
 * (every outbox context's, ADR 0009) has that transaction rolled back and its message dead-lettered
 * at once with the reason by {@link ConsumerInterceptor}, instead of retried to no end.
 */
@ApplicationException(rollback = true)
public class ContractViolationException extends RuntimeException {

    private final MessageType type;
    private final List<SchemaViolation> violations;

    public ContractViolationException(MessageType type, List<SchemaViolation> violations) {
        super("Refusing to send " + type + ": it breaks its schema at "
                + violations.stream().map(SchemaViolation::toString).collect(Collectors.joining("; ")));
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public MessageType type() {
        return type;
    }

    public List<SchemaViolation> violations() {
        return violations;
    }
}
