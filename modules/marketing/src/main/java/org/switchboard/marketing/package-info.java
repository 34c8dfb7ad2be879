/**
 * Marketing: keeps its own list of contacts to market to. It owns the contact record and decides
 * what {@code CreateCustomer} means: one contact per customer, created once however often the
 * command arrives. It learns about customers only from commands on {@code marketing.commands},
 * never from another context's tables, and processes each command in one XA transaction with its
 * idempotency record.
 */
package org.switchboard.marketing;
