package org.switchboard.shipping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.switchboard.ids.Ids;

/** What Shipping decided for one order saga: at most one per saga. */
@Entity
@Table(name = "shipment")
public class Shipment {

    @Id
    @Column(name = "saga_id")
    private UUID sagaId;

    @Column(name = "shipment_id", nullable = false)
    private UUID shipmentId;

    @Column(name = "order_id", nullable = false)
    private UUID orderId;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(nullable = false)
    private boolean express;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ShipmentState state;

    @Column(length = 500)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "document_sha256", length = 64)
    private String documentSha256;

    @Column(name = "document_size")
    private Long documentSize;

    /** The order's document arrived with the command, verified against its SHA-256 and size. */
    public void received(String sha256, long size) {
        this.documentSha256 = sha256;
        this.documentSize = size;
    }

    protected Shipment() {}

    public Shipment(UUID sagaId, UUID orderId, UUID customerId, boolean express, String refusal, Instant now) {
        this.sagaId = sagaId;
        this.shipmentId = Ids.next();
        this.orderId = orderId;
        this.customerId = customerId;
        this.express = express;
        this.state = refusal == null ? ShipmentState.ARRANGED : ShipmentState.FAILED;
        this.reason = refusal;
        this.createdAt = now;
    }

    public UUID shipmentId() {
        return shipmentId;
    }

    public ShipmentState state() {
        return state;
    }

    public String reason() {
        return reason;
    }
}
