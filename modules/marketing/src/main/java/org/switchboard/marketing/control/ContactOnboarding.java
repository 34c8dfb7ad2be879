package org.switchboard.marketing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.marketing.entity.Contact;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.IdempotentConsumer;
import org.switchboard.messaging.IncomingMessage;

/**
 * Turns a {@code CreateCustomer} command into a contact, exactly once. Two guards, both in one local
 * transaction: the command's message id (a redelivery or a duplicate send of the same
 * command), and the customer id (a second command for a customer Marketing already knows).
 */
@ApplicationScoped
public class ContactOnboarding {

    private static final System.Logger LOG = System.getLogger(ContactOnboarding.class.getName());

    /** Fault point: after the contact is stored and the command claimed, before commit. */
    public static final String FAULT_AFTER_STORE = "marketing.create-customer.after-store";

    public enum Outcome {
        CREATED,
        DUPLICATE_MESSAGE,
        ALREADY_A_CONTACT
    }

    private static final String STORE_CONTACT = "insert into marketing.contact (id, customer_id, email, full_name,"
            + " customer_since, marketing_consent, created_at, correlation_id, source_message_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (customer_id) do nothing";

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource database;

    /**
     * One local transaction: the claim of the message id and the contact commit together, or
     * neither does.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Outcome handle(IncomingMessage message, CreateCustomer command) {
        if (!new IdempotentConsumer("marketing").claim(message)) {
            LOG.log(System.Logger.Level.INFO, "Ignoring duplicate {0}", message);
            return Outcome.DUPLICATE_MESSAGE;
        }
        var contact = new Contact(
                command.customerId(),
                command.email(),
                command.fullName(),
                command.customerSince(),
                command.marketingConsent(),
                command.correlationId(),
                command.messageId(),
                Instant.now());
        if (!store(contact)) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "Customer {0} is already a contact; {1} changes nothing",
                    command.customerId(),
                    message);
            return Outcome.ALREADY_A_CONTACT;
        }
        FaultPoints.pass(FAULT_AFTER_STORE, command.correlationId());
        return Outcome.CREATED;
    }

    /**
     * The contact as its entity maps it, in one statement on the transaction's connection (the pool
     * hands it out again), no look-up first: false when the customer is already a contact (a
     * concurrent command for the same customer waits here on its unique customer id). Plain JDBC:
     * on this path the contact is written, never read.
     */
    private boolean store(Contact contact) {
        try (var connection = database.getConnection();
                var insert = connection.prepareStatement(STORE_CONTACT)) {
            insert.setObject(1, contact.id().value());
            insert.setObject(2, contact.customerId());
            insert.setString(3, contact.email());
            insert.setString(4, contact.fullName());
            insert.setObject(5, contact.customerSince().atOffset(ZoneOffset.UTC));
            if (contact.marketingConsent() == null) {
                insert.setNull(6, java.sql.Types.BOOLEAN); // not stated (a v1 event): not given
            } else {
                insert.setBoolean(6, contact.marketingConsent());
            }
            insert.setObject(7, contact.createdAt().atOffset(ZoneOffset.UTC));
            insert.setObject(8, contact.correlationId());
            insert.setObject(9, contact.sourceMessageId());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store contact of customer " + contact.customerId(), e);
        }
    }
}
