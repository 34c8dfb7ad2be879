package org.switchboard.ordering.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.ids.Ids;

/**
 * An order a customer placed; its saga decides whether it is confirmed or cancelled. A confirmed
 * order can be returned once: the return is requested here, and the participants' events decide
 * whether it ends returned or rejected.
 */
@Entity
@Table(name = "purchase_order")
@NamedQuery(
        name = PurchaseOrder.BY_IDEMPOTENCY_KEY,
        query = "select o from PurchaseOrder o where o.idempotencyKey = :key")
public class PurchaseOrder {

    public static final String BY_IDEMPOTENCY_KEY = "PurchaseOrder.byIdempotencyKey";

    @Id
    private UUID id;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(nullable = false)
    private boolean express;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OrderState state;

    @Column(nullable = false)
    private long total;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "correlation_id", nullable = false)
    private UUID correlationId;

    @Column(name = "idempotency_key", length = 200)
    private String idempotencyKey;

    @Column(name = "request_fingerprint", length = 64)
    private String requestFingerprint;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<OrderLine> lines = new ArrayList<>();

    @Column(name = "return_id")
    private UUID returnId;

    @Column(name = "return_reason", length = 500)
    private String returnReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    private Attachment attachment;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PurchaseOrder() {}

    public PurchaseOrder(
            UUID customerId, boolean express, List<OrderLine> lines, String currency, UUID correlationId, Instant now) {
        this.id = Ids.next();
        this.customerId = customerId;
        this.express = express;
        this.lines = new ArrayList<>(lines);
        this.total = lines.stream().mapToLong(OrderLine::amount).sum();
        this.currency = currency;
        this.correlationId = correlationId;
        this.state = OrderState.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The order's document, by claim check: its reference in the claim store. */
    public void attach(Attachment document) {
        this.attachment = document;
    }

    /** The order's document, if it has one. */
    public Optional<Attachment> attachment() {
        return Optional.ofNullable(attachment).filter(a -> a.claimId() != null);
    }

    /** The client's Idempotency-Key and the fingerprint of the request it came with. */
    public void rememberRequest(String key, String fingerprint) {
        this.idempotencyKey = key;
        this.requestFingerprint = fingerprint;
    }

    /** Follows its saga once the saga has ended. */
    public void follow(SagaState saga, Instant now) {
        var next = switch (saga) {
            case CONFIRMED -> OrderState.CONFIRMED;
            case CANCELLED -> OrderState.CANCELLED;
            default -> OrderState.PENDING;
        };
        if (next != state) {
            state = next;
            updatedAt = now;
        }
    }

    /** Only a confirmed order can be returned, and only once. */
    public boolean returnable() {
        return state == OrderState.CONFIRMED;
    }

    /** Accepts a return of this (confirmed) order under the given id. */
    public void requestReturn(UUID returnRequest, Instant now) {
        if (!returnable()) {
            throw new IllegalStateException("Order " + id + " is " + state + ", not returnable");
        }
        state = OrderState.RETURN_REQUESTED;
        returnId = returnRequest;
        updatedAt = now;
    }

    /** The refund of its return went through; false (nothing changes) for another return or a second time. */
    public boolean returned(UUID returnRequest, Instant now) {
        return endReturn(returnRequest, OrderState.RETURNED, null, now);
    }

    /** The refund of its return failed; false (nothing changes) for another return or a second time. */
    public boolean returnRejected(UUID returnRequest, String reason, Instant now) {
        return endReturn(returnRequest, OrderState.RETURN_REJECTED, reason, now);
    }

    private boolean endReturn(UUID returnRequest, OrderState end, String reason, Instant now) {
        if (state != OrderState.RETURN_REQUESTED || !returnRequest.equals(returnId)) {
            return false;
        }
        state = end;
        returnReason = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
        updatedAt = now;
        return true;
    }

    public UUID returnId() {
        return returnId;
    }

    public String returnReason() {
        return returnReason;
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public boolean express() {
        return express;
    }

    public OrderState state() {
        return state;
    }

    public long total() {
        return total;
    }

    public String currency() {
        return currency;
    }

    public UUID correlationId() {
        return correlationId;
    }

    public String requestFingerprint() {
        return requestFingerprint;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
