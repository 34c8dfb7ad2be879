/**
 * Inventory: owns the stock of every SKU and the reservations made against it. It decides whether
 * an order's lines can be reserved — all of them or none — and keeps one reservation per saga, so
 * a repeated {@code ReserveStock} answers the same way again and {@code ReleaseStock} puts back
 * exactly what was taken, once, even when it arrives before the reservation it cancels. It hears
 * only commands on {@code inventory.commands} and answers on {@code ordering.replies} through its
 * own outbox, in the local transaction that changed the stock. In a return it reacts to events
 * instead (from its queue {@code inventory.returns}): it restocks a returned order's lines once per
 * return and takes them back out when the refund failed, announcing either on topic
 * {@code inventory.events}.
 */
package org.switchboard.inventory;
