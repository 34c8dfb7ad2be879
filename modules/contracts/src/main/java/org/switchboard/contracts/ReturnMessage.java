package org.switchboard.contracts;

import java.util.UUID;

/**
 * An event of the return process, which no one orchestrates: each context reacts to the others'
 * events. Every event names the return it belongs to and the returned order, so a participant
 * keys what it did (a restock, a refund) by the return and a repeated or late event finds it.
 */
public interface ReturnMessage extends Message {

    UUID returnId();

    UUID orderId();
}
