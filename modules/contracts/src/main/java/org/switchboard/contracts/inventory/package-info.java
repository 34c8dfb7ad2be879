/**
 * Inventory's commands on queue {@code inventory.commands} ({@code ReserveStock}, {@code ReleaseStock})
 * and its replies to the order saga on queue {@code ordering.replies}; its events of a return
 * ({@code StockRestocked}, {@code RestockReversed}) on topic {@code inventory.events}.
 */
package org.switchboard.contracts.inventory;
