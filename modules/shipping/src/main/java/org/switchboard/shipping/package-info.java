/**
 * Shipping: arranges shipments for orders, once per saga, and says why when it cannot — today when
 * the carrier does not deliver to the customer (listed in {@code shipping.undeliverable_customer}).
 * A repeated {@code ArrangeShipment} answers the first decision again. It hears only commands on
 * {@code shipping.commands} and answers on {@code ordering.replies} through its own outbox.
 */
package org.switchboard.shipping;
