package org.switchboard.ordering.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of an order, at the price when it was placed. */
@Embeddable
public class OrderLine {

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "unit_price", nullable = false)
    private long unitPrice;

    protected OrderLine() {}

    public OrderLine(String sku, int quantity, long unitPrice) {
        this.sku = sku;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    public String sku() {
        return sku;
    }

    public int quantity() {
        return quantity;
    }

    public long amount() {
        return unitPrice * quantity;
    }
}
