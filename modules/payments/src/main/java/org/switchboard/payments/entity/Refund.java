package org.switchboard.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What Payments decided for one return: at most one per return and per order. */
@Entity
@Table(name = "refund")
@NamedQuery(name = Refund.OF_ORDER, query = "select r from Refund r where r.orderId = :orderId")
public class Refund {

    public static final String OF_ORDER = "Refund.ofOrder";

    @Id
    @Column(name = "return_id")
    private UUID returnId;

    @Column(name = "order_id", nullable = false)
    private UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RefundOutcome outcome;

    @Column(nullable = false)
    private long amount;

    @Column(length = 500)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Refund() {}

    private Refund(UUID returnId, UUID orderId, RefundOutcome outcome, long amount, String reason, Instant now) {
        this.returnId = returnId;
        this.orderId = orderId;
        this.outcome = outcome;
        this.amount = amount;
        this.reason = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
        this.createdAt = now;
    }

    public static Refund refunded(UUID returnId, UUID orderId, long amount, Instant now) {
        return new Refund(returnId, orderId, RefundOutcome.REFUNDED, amount, null, now);
    }

    public static Refund refused(UUID returnId, UUID orderId, String reason, Instant now) {
        return new Refund(returnId, orderId, RefundOutcome.REFUSED, 0, reason, now);
    }

    public UUID returnId() {
        return returnId;
    }

    public RefundOutcome outcome() {
        return outcome;
    }

    public long amount() {
        return amount;
    }

    public String reason() {
        return reason;
    }
}
