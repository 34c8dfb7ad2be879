package org.switchboard.ordering.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
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
            + " (customer_id, email, display_name, registered_at, source_message_id) values (?, ?, ?, ?, ?)"
            + " on conflict (customer_id) do nothing";

    @PersistenceContext(unitName = "ordering")
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource database;

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(IncomingMessage message, Message event) {
        if (!new IdempotentConsumer("ordering").claim(message)) {
            return;
        }
        var copy = event instanceof CustomerRegisteredV2 v2
                ? new Copy(
                        v2.customerId(),
                        v2.email(),
                        (v2.name().given() + " " + v2.name().family()).strip(),
                        v2.registeredAt(),
                        v2.messageId())
                : from((CustomerRegistered) event);
        // One statement on the delivery's connection (the pool hands the transaction's out again)
        // instead of a find and an entity insert: on this path the copy is written, never read.
        try (var connection = database.getConnection();
                var insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, copy.customerId());
            insert.setString(2, copy.email());
            insert.setString(3, copy.displayName());
            insert.setTimestamp(4, Timestamp.from(copy.registeredAt()));
            insert.setObject(5, copy.sourceMessageId());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record customer " + copy.customerId(), e);
        }
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
