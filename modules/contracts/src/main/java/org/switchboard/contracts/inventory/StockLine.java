package org.switchboard.contracts.inventory;

/** One line of a {@link ReserveStock}: a SKU and how many of it. */
public record StockLine(String sku, int quantity) {}
