/**
 * Shipping's command on queue {@code shipping.commands} ({@code ArrangeShipment}) and its replies to
 * the order saga on queue {@code ordering.replies}.
 */
package org.switchboard.contracts.shipping;
