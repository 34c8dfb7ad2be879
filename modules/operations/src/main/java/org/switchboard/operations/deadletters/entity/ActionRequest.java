package org.switchboard.operations.deadletters.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.switchboard.operations.foureyes.entity.AuditAction;
import org.switchboard.operations.foureyes.entity.FourEyesRequest;

/**
 * An operator's request to replay or delete dead letters, which a different user with the
 * approver role must approve before anything happens. Nobody approves their own request.
 */
@Entity
@Table(name = "action_request")
@NamedQuery(name = ActionRequest.ALL, query = "select r from ActionRequest r order by r.requestedAt desc")
public class ActionRequest implements FourEyesRequest {

    public static final String ALL = "ActionRequest.all";

    /** What an operator asks for. */
    public enum Action {
        /** Move the dead letters back to where they came from. */
        REPLAY,
        /** Remove them for good. */
        DELETE;

        public AuditAction requested() {
            return this == REPLAY ? AuditAction.REQUESTED_REPLAY : AuditAction.REQUESTED_DELETE;
        }

        public AuditAction started() {
            return this == REPLAY ? AuditAction.REPLAY_STARTED : AuditAction.DELETE_STARTED;
        }

        /** What was done to one message that was found. */
        public AuditAction done() {
            return this == REPLAY ? AuditAction.REPLAYED : AuditAction.DELETED;
        }

        public AuditAction finished() {
            return this == REPLAY ? AuditAction.REPLAY_FINISHED : AuditAction.DELETE_FINISHED;
        }
    }

    /** Where a request stands. */
    public enum Status {
        /** Waiting for an approver. */
        PENDING,
        /** Approved; being carried out (or interrupted before it ended). */
        APPROVED,
        /** Rejected: nothing was done. */
        REJECTED,
        /** Carried out, every message found. */
        DONE,
        /** Carried out, some message no longer there. */
        FAILED
    }

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Action action;

    @Column(nullable = false)
    private String queue;

    @Column(name = "message_ids", nullable = false)
    private String messageIds;

    @Column(nullable = false)
    private String reason;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "dry_run", nullable = false)
    private String dryRun;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    private String decision;

    private String outcome;

    @Version
    private long version;

    protected ActionRequest() {}

    public ActionRequest(
            Action action,
            String queue,
            List<String> messageIds,
            String reason,
            String requestedBy,
            String dryRun,
            Instant now) {
        this.id = UUID.randomUUID();
        this.action = action;
        this.queue = queue;
        this.messageIds = String.join("\n", messageIds);
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.dryRun = dryRun;
        this.status = Status.PENDING;
    }

    /** Four eyes: only a pending request, only by someone else. */
    public void decide(String approver, boolean approve, String why, Instant now) {
        mayBeDecidedBy(approver);
        this.status = approve ? Status.APPROVED : Status.REJECTED;
        this.decidedBy = approver;
        this.decidedAt = now;
        this.decision = why;
    }

    @Override
    public boolean pending() {
        return status == Status.PENDING;
    }

    public void finish(boolean allDone, String outcome) {
        this.status = allDone ? Status.DONE : Status.FAILED;
        this.outcome = outcome;
    }

    public UUID id() {
        return id;
    }

    public Action action() {
        return action;
    }

    public String queue() {
        return queue;
    }

    public List<String> messageIds() {
        return Arrays.asList(messageIds.split("\n"));
    }

    public String reason() {
        return reason;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public String dryRun() {
        return dryRun;
    }

    public Status status() {
        return status;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decision() {
        return decision;
    }

    public String outcome() {
        return outcome;
    }
}
