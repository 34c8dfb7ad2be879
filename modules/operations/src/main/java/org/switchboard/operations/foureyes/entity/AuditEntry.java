package org.switchboard.operations.foureyes.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of the audit trail: who did what to which dead letter, when and why. Never changed. */
@Entity
@Table(name = "audit_entry")
@NamedQuery(name = AuditEntry.LATEST, query = "select a from AuditEntry a order by a.id desc")
@NamedQuery(
        name = AuditEntry.REMOVED_SINCE,
        query = "select a.queue, count(a) from AuditEntry a where a.action in :actions and a.at >= :since"
                + " group by a.queue")
@NamedQuery(
        name = AuditEntry.OUTSIDE_SINCE,
        query = "select a.queue, sum(a.messageCount) from AuditEntry a where a.action = :action"
                + " and a.at >= :since group by a.queue")
@NamedQuery(
        name = AuditEntry.OF_REQUEST,
        query = "select a from AuditEntry a where a.requestId = :request order by a.id")
public class AuditEntry {

    public static final String LATEST = "AuditEntry.latest";
    public static final String OF_REQUEST = "AuditEntry.ofRequest";
    public static final String REMOVED_SINCE = "AuditEntry.removedSince";
    public static final String OUTSIDE_SINCE = "AuditEntry.outsideSince";

    /** Who changed a queue outside four-eyes, as far as Switchboard knows. */
    public static final String OUTSIDE_ACTOR = "(outside Switchboard)";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditAction action;

    @Column(name = "request_id")
    private UUID requestId;

    private String queue;

    @Column(name = "message_id")
    private String messageId;

    private String detail;

    /** For {@link AuditAction#CHANGED_OUTSIDE_FOUR_EYES}: how many messages left the queue. */
    @Column(name = "message_count")
    private Long messageCount;

    protected AuditEntry() {}

    /** Dead letters that left {@code queue} outside four-eyes, as the broker's counters show. */
    public static AuditEntry changedOutside(String queue, long messages, String detail, Instant at) {
        var entry = new AuditEntry(OUTSIDE_ACTOR, AuditAction.CHANGED_OUTSIDE_FOUR_EYES, null, queue, null, detail, at);
        entry.messageCount = messages;
        return entry;
    }

    public AuditEntry(
            String actor,
            AuditAction action,
            UUID requestId,
            String queue,
            String messageId,
            String detail,
            Instant at) {
        this.actor = actor;
        this.action = action;
        this.requestId = requestId;
        this.queue = queue;
        this.messageId = messageId;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1999) + "…";
        this.at = at;
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public AuditAction action() {
        return action;
    }

    public UUID requestId() {
        return requestId;
    }

    public String queue() {
        return queue;
    }

    public String messageId() {
        return messageId;
    }

    public String detail() {
        return detail;
    }

    public Long messageCount() {
        return messageCount;
    }
}
