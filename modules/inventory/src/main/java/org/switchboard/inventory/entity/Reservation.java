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
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What Inventory did for one order saga: at most one per saga, so every command of the saga finds it. */
@Entity
@Table(name = "reservation")
public class Reservation {

    @Id
    @Column(name = "saga_id")
    private UUID sagaId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReservationState state;

    @Column(length = 500)
    private String reason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "saga_id"))
    private List<ReservedLine> lines = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Reservation() {}

    private Reservation(UUID sagaId, ReservationState state, String reason, List<ReservedLine> lines, Instant now) {
        this.sagaId = sagaId;
        this.state = state;
        this.reason = reason;
        this.lines = new ArrayList<>(lines);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static Reservation reserved(UUID sagaId, List<ReservedLine> lines, Instant now) {
        return new Reservation(sagaId, ReservationState.RESERVED, null, lines, now);
    }

    public static Reservation refused(UUID sagaId, String reason, Instant now) {
        return new Reservation(sagaId, ReservationState.REFUSED, reason, List.of(), now);
    }

    /** Released before any ReserveStock of the saga arrived: a later one reserves nothing. */
    public static Reservation releasedBeforeMade(UUID sagaId, Instant now) {
        return new Reservation(sagaId, ReservationState.RELEASED, "released before it was made", List.of(), now);
    }

    /** The lines to put back, once: empty unless the reservation held stock until now. */
    public List<ReservedLine> release(Instant now) {
        if (state != ReservationState.RESERVED) {
            return List.of();
        }
        state = ReservationState.RELEASED;
        updatedAt = now;
        return List.copyOf(lines);
    }

    public UUID sagaId() {
        return sagaId;
    }

    public ReservationState state() {
        return state;
    }

    public String reason() {
        return reason;
    }

    public List<ReservedLine> lines() {
        return List.copyOf(lines);
    }
}
