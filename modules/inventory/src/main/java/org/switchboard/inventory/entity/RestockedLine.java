package org.switchboard.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One SKU of a restock and how many came back. */
@Embeddable
public class RestockedLine {

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false)
    private int quantity;

    protected RestockedLine() {}

    public RestockedLine(String sku, int quantity) {
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
