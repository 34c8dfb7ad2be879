/**
 * Inventory's commands on queue {@code inventory.commands} ({@code ReserveStock}, {@code ReleaseStock})
 * and its replies to the order saga on queue {@code ordering.replies}.
 */
package org.switchboard.contracts.inventory;
