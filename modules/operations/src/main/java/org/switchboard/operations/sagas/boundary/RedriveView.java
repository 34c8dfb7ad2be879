package org.switchboard.operations.sagas.boundary;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.operations.sagas.entity.RedriveRequest;

/**
 * A saga re-drive request as operators and approvers see it.
 *
 * @param decided null while it waits for an approver
 */
public record RedriveView(UUID id, UUID sagaId, String action, String status, Step requested, Step decided) {

    /** Who did it, when, and why. */
    public record Step(String by, Instant at, String reason) {}

    static RedriveView of(RedriveRequest r) {
        return new RedriveView(
                r.id(),
                r.sagaId(),
                r.action().name(),
                r.status().name(),
                new Step(r.requestedBy(), r.requestedAt(), r.reason()),
                r.decidedBy() == null ? null : new Step(r.decidedBy(), r.decidedAt(), r.decision()));
    }
}
