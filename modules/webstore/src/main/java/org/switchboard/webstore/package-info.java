/**
 * Web Store: the context where visitors register and become customers. It owns the customer
 * record and decides when a registration is valid (well-formed, e-mail not yet registered). It tells
 * the rest of the company by publishing {@code CustomerRegistered} on topic {@code webstore.events}
 * through its outbox: written in the local transaction that stores the customer, published after
 * the commit, at least once. It does not know who listens. It remembers a client's
 * {@code Idempotency-Key} with the outcome, so a retried registration happens once.
 */
package org.switchboard.webstore;
