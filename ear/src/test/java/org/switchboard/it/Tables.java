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
}
