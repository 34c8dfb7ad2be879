/**
 * Messages the Operations context accepts. Unlike the business contracts, these are written by the
 * shared messaging library on behalf of every context, not by one context's own code.
 */
package org.switchboard.contracts.operations;
