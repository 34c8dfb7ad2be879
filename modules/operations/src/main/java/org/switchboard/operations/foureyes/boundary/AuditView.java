package org.switchboard.operations.foureyes.boundary;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.operations.foureyes.entity.AuditAction;
import org.switchboard.operations.foureyes.entity.AuditEntry;

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

    public static AuditView of(AuditEntry a) {
        return new AuditView(
                a.id(), a.at(), a.actor(), a.action(), a.requestId(), a.queue(), a.messageId(), a.detail());
    }
}
