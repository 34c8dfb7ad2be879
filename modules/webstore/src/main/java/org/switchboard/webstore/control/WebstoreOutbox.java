package org.switchboard.webstore.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import org.switchboard.messaging.outbox.TransactionalOutbox;

/**
 * The Web Store's transactional outbox, {@code webstore.outbox}: {@code CustomerRegistered} is
 * written there with the customer, in one local transaction, and relayed to topic
 * {@code webstore.events} after the commit (and every second), like every other context's.
 */
@Singleton
@DependsOn("WebstoreSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebstoreOutbox extends TransactionalOutbox {

    public WebstoreOutbox() {
        super("webstore");
    }
}
