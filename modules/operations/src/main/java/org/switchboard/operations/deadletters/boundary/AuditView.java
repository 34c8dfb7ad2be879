package org.switchboard.operations.deadletters.boundary;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.operations.deadletters.entity.AuditAction;
import org.switchboard.operations.deadletters.entity.AuditEntry;

/** One audit line: who, when, what, why. */
public record AuditView(
        long id,
        Instant at,
        String actor,
        AuditAction action,
        UUID requestId,
        String queue,
        String messageId,
        String detail) {

    static AuditView of(AuditEntry a) {
        return new AuditView(
                a.id(), a.at(), a.actor(), a.action(), a.requestId(), a.queue(), a.messageId(), a.detail());
    }
}
