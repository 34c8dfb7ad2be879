package org.switchboard.ordering.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A SKU Ordering sells, at its price in minor units. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @Column(length = 64)
    private String sku;

    @Column(name = "unit_price", nullable = false)
    private long unitPrice;

    @Column(nullable = false, length = 3)
    private String currency;

    protected Product() {}

    public String sku() {
        return sku;
    }

    public long unitPrice() {
        return unitPrice;
    }

    public String currency() {
        return currency;
    }
}
