package org.switchboard.marketing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.marketing.entity.Contact;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.IdempotentConsumer;
import org.switchboard.messaging.IncomingMessage;

/**
 * Turns a {@code CreateCustomer} command into a contact, exactly once. Two guards, both in one
 * statement of the delivery's transaction: the command's message id (a redelivery or a duplicate
 * send of the same command), and the customer id (a second command for a customer Marketing
 * already knows).
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
            + " select ?::uuid, ?::uuid, ?, ?, ?::timestamptz, ?::boolean, ?::timestamptz, ?::uuid, ?::uuid"
            + " where exists (select 1 from claimed) on conflict (customer_id) do nothing";

    /**
     * One local transaction: the claim of the message id and the contact commit together, or
     * neither does.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Outcome handle(IncomingMessage message, CreateCustomer command) {
        var contact = new Contact(
                command.customerId(),
                command.email(),
                command.fullName(),
                command.customerSince(),
                command.marketingConsent(),
                command.correlationId(),
                command.messageId(),
                Instant.now());
        // The claim and the contact in one statement, no look-up first: a concurrent command for the
        // same customer waits on its unique customer id. Plain JDBC: on this path the contact is
        // written, never read.
        var done = new IdempotentConsumer("marketing").claimAnd(message, STORE_CONTACT, (insert, first) -> {
            insert.setObject(first, contact.id().value());
            insert.setObject(first + 1, contact.customerId());
            insert.setString(first + 2, contact.email());
            insert.setString(first + 3, contact.fullName());
            insert.setObject(first + 4, contact.customerSince().atOffset(ZoneOffset.UTC));
            if (contact.marketingConsent() == null) {
                insert.setNull(first + 5, java.sql.Types.BOOLEAN); // not stated (a v1 event): not given
            } else {
                insert.setBoolean(first + 5, contact.marketingConsent());
            }
            insert.setObject(first + 6, contact.createdAt().atOffset(ZoneOffset.UTC));
            insert.setObject(first + 7, contact.correlationId());
            insert.setObject(first + 8, contact.sourceMessageId());
        });
        if (!done.claimed()) {
            LOG.log(System.Logger.Level.INFO, "Ignoring duplicate {0}", message);
            return Outcome.DUPLICATE_MESSAGE;
        }
        if (!done.written()) {
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
}
