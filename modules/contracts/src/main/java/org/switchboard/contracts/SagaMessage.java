package org.switchboard.contracts;

import java.util.UUID;

/**
 * A command or reply of a saga: it names the saga it belongs to, so the orchestrator correlates a
 * reply with its saga without reading anything else, and a participant keys what it did (a
 * reservation, an authorisation) by it, which makes a repeated command and its compensation
 * idempotent.
 */
public interface SagaMessage extends Message {

    UUID sagaId();
}
