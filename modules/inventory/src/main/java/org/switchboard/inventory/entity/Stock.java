package org.switchboard.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How many of one SKU are available to reserve. */
@Entity
@Table(name = "stock")
public class Stock {

    @Id
    @Column(length = 64)
    private String sku;

    @Column(nullable = false)
    private int available;

    protected Stock() {}

    public String sku() {
        return sku;
    }

    public int available() {
        return available;
    }

    public boolean covers(int quantity) {
        return available >= quantity;
    }

    public void take(int quantity) {
        if (!covers(quantity)) {
            throw new IllegalStateException("Only " + available + " of " + sku + " available, not " + quantity);
        }
        available -= quantity;
    }

    public void putBack(int quantity) {
        available += quantity;
    }
}
