/**
 * The transactional outbox every context that changes its state and sends messages uses instead
 * of XA between PostgreSQL and the broker (ADR 0009): {@link org.switchboard.messaging.outbox.TransactionalOutbox}
 * writes a message with the context's change and relays it after the commit, with the
 * {@link org.switchboard.messaging.outbox.Delivery} (priority, delivery delay, time-to-live) it
 * was written with. The table comes from the shared migration {@code SharedTable.OUTBOX} of
 * {@code org.switchboard.migrations.SchemaMigrations}.
 */
package org.switchboard.messaging.outbox;
