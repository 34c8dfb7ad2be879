package org.switchboard.it;

import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Looks straight into the contexts' tables, to prove what is (not) there. Only tests do this: the
 * contexts never read each other's schemas.
 */
final class Tables {

    private final DataSource dataSource;

    Tables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs one statement with one parameter: how tests set up stock, prices and faults in the tables. */
    void update(String sql, Object parameter) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Inventory's available stock of a SKU. */
    long available(String sku) {
        return count("select available from inventory.stock where sku = ?", sku);
    }

    /** What Payments holds authorised on a customer's account (minor units). */
    long authorisedOnAccount(UUID customerId) {
        return count("select coalesce(sum(authorised), 0) from payments.account where customer_id = ?", customerId);
    }

    long count(String sql, Object parameter) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long customersWithEmail(String email) {
        return count("select count(*) from webstore.customer where email = ?", email);
    }

    long customersOfFlow(UUID correlationId) {
        return count("select count(*) from webstore.customer where correlation_id = ?", correlationId);
    }

    /** Messages of this flow still waiting in the Web Store's outbox. */
    long outboxOfFlow(UUID correlationId) {
        return count("select count(*) from webstore.outbox where correlation_id = ?", correlationId);
    }

    long contactsOfFlow(UUID correlationId) {
        return count("select count(*) from marketing.contact where correlation_id = ?", correlationId);
    }

    long contactsOfCustomer(UUID customerId) {
        return count("select count(*) from marketing.contact where customer_id = ?", customerId);
    }

    long processedMessagesOfFlow(UUID correlationId) {
        return count("select count(*) from marketing.processed_message where correlation_id = ?", correlationId);
    }

    long processedMessages(UUID messageId) {
        return count("select count(*) from marketing.processed_message where message_id = ?", messageId);
    }

    /** Marketing's copy of a customer, as stored: full name and consent (null = not stated). */
    record StoredContact(String fullName, Boolean marketingConsent) {}

    /** The contact Marketing holds for an e-mail address, or null. */
    StoredContact contactByEmail(String email) {
        var sql = "select full_name, marketing_consent from marketing.contact where email = ?";
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(sql)) {
            s.setString(1, email);
            try (var rs = s.executeQuery()) {
                return rs.next() ? new StoredContact(rs.getString(1), (Boolean) rs.getObject(2)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
