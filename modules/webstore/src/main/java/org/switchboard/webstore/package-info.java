/**
 * Web Store: the context where visitors register and become customers. It owns the customer
 * record and decides when a registration is valid (well-formed, e-mail not yet registered). It tells
 * the rest of the company by publishing {@code CustomerRegistered} on topic {@code webstore.events},
 * in the same XA transaction that stores the customer, and does not know who listens.
 */
package org.switchboard.webstore;
