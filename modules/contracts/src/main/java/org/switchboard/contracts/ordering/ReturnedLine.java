package org.switchboard.contracts.ordering;

/** One line of a {@link ReturnRequested}: a SKU and how many of it come back. */
public record ReturnedLine(String sku, int quantity) {}
