package org.switchboard.operations.deadletters.boundary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.switchboard.operations.deadletters.entity.ActionRequest;
import org.switchboard.operations.deadletters.entity.ActionRequest.Action;
import org.switchboard.operations.deadletters.entity.ActionRequest.Status;

/** A replay or delete request as operators and approvers see it, dry run and outcome included. */
public record RequestView(
        UUID id,
        Action action,
        String queue,
        List<String> messageIds,
        String reason,
        String requestedBy,
        Instant requestedAt,
        List<String> dryRun,
        Status status,
        String decidedBy,
        Instant decidedAt,
        String decision,
        List<String> outcome) {

    static RequestView of(ActionRequest r) {
        return new RequestView(
                r.id(),
                r.action(),
                r.queue(),
                r.messageIds(),
                r.reason(),
                r.requestedBy(),
                r.requestedAt(),
                List.of(r.dryRun().split("\n")),
                r.status(),
                r.decidedBy(),
                r.decidedAt(),
                r.decision(),
                r.outcome() == null ? List.of() : List.of(r.outcome().split("\n")));
    }
}
