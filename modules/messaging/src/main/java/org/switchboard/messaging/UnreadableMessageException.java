package org.switchboard.messaging;

import java.util.List;
import org.switchboard.messaging.schema.SchemaViolation;

/**
 * A message its consumer can never process, however often it is redelivered: not a JSON text
 * message, missing headers, a type or major version the consumer does not read, a body that does
 * not parse, or one that breaks its schema. Consumers dead-letter such a message at once, with the
 * reason attached (see {@link DeadLetters}), instead of burning retries on it.
 */
public class UnreadableMessageException extends RuntimeException {

    /** Why a message is unreadable; travels as the dead letter's {@code deadLetterReason} property. */
    public enum Reason {
        NOT_TEXT,
        INVALID_HEADERS,
        UNKNOWN_TYPE,
        UNSUPPORTED_VERSION,
        MALFORMED_JSON,
        SCHEMA_VIOLATION,
        /**
         * The message was readable, but what the consumer must send in response would break that
         * message's schema (see {@code ContractViolationException}): the same input always fails.
         */
        OUTGOING_CONTRACT_VIOLATION,
        /** The message refers to a claim (a stored payload) that is not in the claim store. */
        CLAIM_MISSING,
        /** The stored payload a message refers to no longer matches the SHA-256 or size the message carries. */
        CLAIM_CORRUPT
    }

    private final Reason reason;
    private final List<SchemaViolation> violations;

    public UnreadableMessageException(Reason reason, String detail) {
        this(reason, detail, List.of(), null);
    }

    public UnreadableMessageException(Reason reason, String detail, Throwable cause) {
        this(reason, detail, List.of(), cause);
    }

    public UnreadableMessageException(Reason reason, String detail, List<SchemaViolation> violations) {
        this(reason, detail, violations, null);
    }

    /** A consumer's own output breaks its contract: as unrecoverable as unreadable input. */
    public static UnreadableMessageException of(ContractViolationException e) {
        return new UnreadableMessageException(Reason.OUTGOING_CONTRACT_VIOLATION, e.getMessage(), e.violations(), e);
    }

    private UnreadableMessageException(
            Reason reason, String detail, List<SchemaViolation> violations, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    public Reason reason() {
        return reason;
    }

    public List<SchemaViolation> violations() {
        return violations;
    }
}
