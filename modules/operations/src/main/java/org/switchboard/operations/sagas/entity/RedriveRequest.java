package org.switchboard.operations.sagas.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.switchboard.operations.foureyes.entity.FourEyesRequest;

/**
 * An operator's request to re-drive a stuck order saga, which a different user with the approver
 * role must approve. Approved, it is sent to Ordering at once (in the approval's transaction,
 * through the outbox), so it goes from PENDING to SENT or REJECTED; what Ordering made of it is
 * on the saga's history.
 */
@Entity
@Table(name = "redrive_request")
@NamedQuery(
        name = RedriveRequest.OF_SAGA,
        query = "select r from RedriveRequest r where r.sagaId = :sagaId order by r.requestedAt desc")
public class RedriveRequest implements FourEyesRequest {

    public static final String OF_SAGA = "RedriveRequest.ofSaga";

    /** The queue an approved re-drive is sent to. */
    public static final String QUEUE = "jms.queue.ordering.redrives";

    /** Where a request stands. */
    public enum Status {
        /** Waiting for an approver. */
        PENDING,
        /** Rejected: nothing was sent. */
        REJECTED,
        /** Approved, and the command to Ordering committed with the approval. */
        SENT
    }

    @Id
    private UUID id;

    @Column(name = "saga_id", nullable = false)
    private UUID sagaId;

    @Column(name = "correlation_id", nullable = false)
    private UUID correlationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RedriveAction action;

    @Column(nullable = false)
    private String reason;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    private String decision;

    @Version
    private long version;

    protected RedriveRequest() {}

    /** A pending request for the saga of the flow {@code correlationId}. */
    public RedriveRequest(
            UUID sagaId, UUID correlationId, RedriveAction action, String reason, String by, Instant now) {
        this.id = UUID.randomUUID();
        this.sagaId = sagaId;
        this.correlationId = correlationId;
        this.action = action;
        this.reason = reason;
        this.requestedBy = by;
        this.requestedAt = now;
        this.status = Status.PENDING;
    }

    @Override
    public void decide(String approver, boolean approve, String why, Instant now) {
        mayBeDecidedBy(approver);
        this.status = approve ? Status.SENT : Status.REJECTED;
        this.decidedBy = approver;
        this.decidedAt = now;
        this.decision = why;
    }

    @Override
    public boolean pending() {
        return status == Status.PENDING;
    }

    @Override
    public String queue() {
        return QUEUE;
    }

    @Override
    public UUID id() {
        return id;
    }

    public UUID sagaId() {
        return sagaId;
    }

    public UUID correlationId() {
        return correlationId;
    }

    public RedriveAction action() {
        return action;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    @Override
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
}
