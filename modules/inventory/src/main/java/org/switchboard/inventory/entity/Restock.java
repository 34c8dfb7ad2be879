package org.switchboard.inventory.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What Inventory did for one return: at most one per return (and per order), so a repeated event
 * of the return finds it, and the reversal takes back exactly what came in, once.
 */
@Entity
@Table(name = "restock")
@NamedQuery(name = Restock.OF_ORDER, query = "select r from Restock r where r.orderId = :orderId")
public class Restock {

    public static final String OF_ORDER = "Restock.ofOrder";

    @Id
    @Column(name = "return_id")
    private UUID returnId;

    @Column(name = "order_id", nullable = false)
    private UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RestockState state;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "restock_line", joinColumns = @JoinColumn(name = "return_id"))
    private List<RestockedLine> lines = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Restock() {}

    private Restock(UUID returnId, UUID orderId, RestockState state, List<RestockedLine> lines, Instant now) {
        this.returnId = returnId;
        this.orderId = orderId;
        this.state = state;
        this.lines = new ArrayList<>(lines);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static Restock restocked(UUID returnId, UUID orderId, List<RestockedLine> lines, Instant now) {
        return new Restock(returnId, orderId, RestockState.RESTOCKED, lines, now);
    }

    /** Reversed before any ReturnRequested of the return arrived: a later one restocks nothing. */
    public static Restock reversedBeforeMade(UUID returnId, UUID orderId, Instant now) {
        return new Restock(returnId, orderId, RestockState.REVERSED, List.of(), now);
    }

    /** The lines to take back out, once: empty unless the goods were in stock until now. */
    public List<RestockedLine> reverse(Instant now) {
        if (state != RestockState.RESTOCKED) {
            return List.of();
        }
        state = RestockState.REVERSED;
        updatedAt = now;
        return List.copyOf(lines);
    }

    public UUID returnId() {
        return returnId;
    }

    public UUID orderId() {
        return orderId;
    }

    public RestockState state() {
        return state;
    }

    public List<RestockedLine> lines() {
        return List.copyOf(lines);
    }
}
