package org.switchboard.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One SKU of a reservation and how many were taken. */
@Embeddable
public class ReservedLine {

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false)
    private int quantity;

    protected ReservedLine() {}

    public ReservedLine(String sku, int quantity) {
        this.sku = sku;
        this.quantity = quantity;
    }

    public String sku() {
        return sku;
    }

    public int quantity() {
        return quantity;
    }
}
