package org.switchboard.operations.boundary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.switchboard.operations.entity.ActionRequest;

/** A replay or delete request as operators and approvers see it, dry run and outcome included. */
public record RequestView(
        UUID id,
        String action,
        String queue,
        List<String> messageIds,
        String reason,
        String requestedBy,
        Instant requestedAt,
        List<String> dryRun,
        String status,
        String decidedBy,
        Instant decidedAt,
        String decision,
        List<String> outcome) {

    static RequestView of(ActionRequest r) {
        return new RequestView(
                r.id(),
                r.action().name(),
                r.queue(),
                r.messageIds(),
                r.reason(),
                r.requestedBy(),
                r.requestedAt(),
                List.of(r.dryRun().split("\n")),
                r.status().name(),
                r.decidedBy(),
                r.decidedAt(),
                r.decision(),
                r.outcome() == null ? List.of() : List.of(r.outcome().split("\n")));
    }
}
