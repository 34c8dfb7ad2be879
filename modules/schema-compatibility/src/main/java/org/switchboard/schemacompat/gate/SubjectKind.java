package org.switchboard.schemacompat.gate;

import static org.switchboard.schemacompat.CompatibilityMode.BACKWARD_TRANSITIVE;
import static org.switchboard.schemacompat.CompatibilityMode.FULL_TRANSITIVE;

import java.util.List;
import org.switchboard.schemacompat.CompatibilityMode;

/**
 * What a subject's messages are, as {@code "kind"} in {@code schema/registry.json} states it (the same
 * words as {@code x-switchboard-kind} in {@code schema/asyncapi.yaml}). The kind says who owns the
 * contract and so who starts its changes, which decides the compatibility modes that protect its readers
 * (seed 004: BACKWARD for consumer-initiated changes, FORWARD for producer-initiated ones).
 *
 * <p>Every kind is backward compatible transitively: consumers validate with their current schema and
 * may meet any version ever written (a message that waited in a queue, a replayed dead letter).
 */
enum SubjectKind {

    /**
     * Announced by the context that owns it, read by any number of consumers it does not know: the
     * producer changes it, so consumers still on an earlier version must read what it now writes
     * (forward), besides the backward floor.
     */
    EVENT(
            List.of(FULL_TRANSITIVE),
            "an event belongs to its producer, whose changes must not break consumers still on an earlier"
                    + " version (FORWARD), while consumers validate with their current schema and may meet any"
                    + " earlier version, a replayed dead letter say (BACKWARD): both, against every version"),

    /**
     * An instruction owned by the context that carries it out: the consumer changes it first and must
     * read every version its senders ever wrote.
     */
    COMMAND(
            List.of(BACKWARD_TRANSITIVE, FULL_TRANSITIVE),
            "a command belongs to the consumer it instructs, which changes it first: its current schema must"
                    + " read every version ever sent, a replayed dead letter included (BACKWARD, against every"
                    + " version)"),

    /**
     * A report that every context sends to the one context that owns and reads it (the journey notes to
     * operations): owned by its consumer, like a command.
     */
    NOTE(
            List.of(BACKWARD_TRANSITIVE, FULL_TRANSITIVE),
            "a note belongs to the consumer it reports to, which changes it first: its current schema must"
                    + " read every version ever sent (BACKWARD, against every version)");

    private final List<CompatibilityMode> modes;
    private final String reason;

    SubjectKind(List<CompatibilityMode> modes, String reason) {
        this.modes = modes;
        this.reason = reason;
    }

    /** The modes a subject of this kind may have; weaker ones leave some reader unprotected. */
    List<CompatibilityMode> modes() {
        return modes;
    }

    /** Why those modes, in words for a failing build. */
    String reason() {
        return reason;
    }
}
