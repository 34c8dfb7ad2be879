/**
 * Integration: the transformer between the Web Store and Marketing. It owns the integration rules
 * (which Web Store events Marketing must hear about, and how they map onto Marketing's commands)
 * and nothing else: no table, no business state. It listens to {@code webstore.events} on its own
 * durable shared subscription and sends {@code CreateCustomer} to {@code marketing.commands} in
 * the transaction that consumes the event.
 */
package org.switchboard.integration;
