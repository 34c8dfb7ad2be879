package org.switchboard.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A customer whose refunds are on hold (a chargeback under dispute, say): Payments refuses their returns. */
@Entity
@Table(name = "refund_hold")
public class RefundHold {

    @Id
    @Column(name = "customer_id")
    private UUID customerId;

    @Column(nullable = false, length = 500)
    private String reason;

    protected RefundHold() {}

    public String reason() {
        return reason;
    }
}
