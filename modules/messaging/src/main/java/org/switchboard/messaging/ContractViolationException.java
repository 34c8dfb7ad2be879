package org.switchboard.messaging;

import java.util.List;
import java.util.stream.Collectors;
import org.switchboard.messaging.schema.SchemaViolation;

/**
 * A producer tried to send a message that breaks its own schema. Nothing is sent: the exception
 * propagates out of the transaction, which rolls back the send together with the producer's
 * database write. The message names every offending field.
 */
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
