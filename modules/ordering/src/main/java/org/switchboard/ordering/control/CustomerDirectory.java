package org.switchboard.ordering.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.Message;
import org.switchboard.contracts.webstore.CustomerRegistered;
import org.switchboard.contracts.webstore.CustomerRegisteredV2;
import org.switchboard.messaging.IdempotentConsumer;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.ordering.entity.Customer;

/**
 * Ordering's own copy of the Web Store's customers, from either major of CustomerRegistered (a
 * tolerant reader): the event carries all Ordering needs, so it never asks the Web Store. A
 * customer already known (the same registration announced again under another message id) is
 * kept as first recorded.
 */
@ApplicationScoped
public class CustomerDirectory {

    private static final String INSERT = "insert into ordering.customer"
            + " (customer_id, email, display_name, registered_at, source_message_id)"
            + " select ?::uuid, ?, ?, ?::timestamptz, ?::uuid where exists (select 1 from claimed)"
            + " on conflict (customer_id) do nothing";

    @PersistenceContext(unitName = "ordering")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(IncomingMessage message, Message event) {
        var copy = event instanceof CustomerRegisteredV2 v2
                ? new Copy(
                        v2.customerId(),
                        v2.email(),
                        (v2.name().given() + " " + v2.name().family()).strip(),
                        v2.registeredAt(),
                        v2.messageId())
                : from((CustomerRegistered) event);
        // The claim and the copy in one statement on the delivery's connection, instead of a claim,
        // a find and an entity insert: on this path the copy is written, never read.
        new IdempotentConsumer("ordering").claimAnd(message, INSERT, (insert, first) -> {
            insert.setObject(first, copy.customerId());
            insert.setString(first + 1, copy.email());
            insert.setString(first + 2, copy.displayName());
            insert.setTimestamp(first + 3, Timestamp.from(copy.registeredAt()));
            insert.setObject(first + 4, copy.sourceMessageId());
        });
    }

    /** A row of {@code ordering.customer} (the {@link Customer} entity), as an event tells it. */
    private record Copy(
            UUID customerId, String email, String displayName, Instant registeredAt, UUID sourceMessageId) {}

    private static Copy from(CustomerRegistered v1) {
        return new Copy(v1.customerId(), v1.email(), v1.fullName(), v1.registeredAt(), v1.messageId());
    }

    public boolean knows(UUID customerId) {
        return em.find(Customer.class, customerId) != null;
    }
}
