package org.switchboard.messaging;

import jakarta.persistence.EntityManager;

/**
 * Remembers which messages a context has processed, in a {@code processed_message} table in the
 * context's own schema, written in the same transaction as the context's state change. A
 * redelivered or duplicated message finds its id already claimed and is acknowledged without effect;
 * if the transaction rolls back, the claim rolls back with it.
 *
 * <p>Concurrent deliveries of one id serialize on the primary key: the second insert waits for the
 * first transaction and then finds the row.
 */
public final class IdempotentConsumer {

    private final EntityManager em;
    private final String schema;

    public IdempotentConsumer(EntityManager em, String schema) {
        if (!schema.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a schema name: " + schema);
        }
        this.em = em;
        this.schema = schema;
    }

    /**
     * Claims the message for processing; false when it was already processed (a duplicate), which
     * the delivery's journey note then records.
     */
    public boolean claim(IncomingMessage message) {
        var inserted = em.createNativeQuery("insert into " + schema + ".processed_message"
                        + " (message_id, message_type, correlation_id, processed_at)"
                        + " values (?1, ?2, ?3, now()) on conflict (message_id) do nothing")
                .setParameter(1, message.messageId())
                .setParameter(2, message.type())
                .setParameter(3, message.correlationId())
                .executeUpdate();
        if (inserted == 0) {
            JourneyMark.duplicate();
        }
        return inserted == 1;
    }
}
