package org.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * What every message on the bus carries besides its data: who it is, when it happened, which
 * business flow it belongs to and which message caused it.
 */
public interface Message {

    /** Unique per message; consumers use it as the idempotency key. */
    UUID messageId();

    Instant occurredAt();

    /** Shared by every message of one business flow, e.g. one registration. */
    UUID correlationId();

    /** The id of the message (or request) that caused this one. */
    UUID causationId();
}
