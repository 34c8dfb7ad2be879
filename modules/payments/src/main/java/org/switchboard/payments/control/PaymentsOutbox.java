package org.switchboard.payments.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import org.switchboard.messaging.outbox.TransactionalOutbox;

/** Payments's outbox ({@code payments.outbox}): what it sends is written with its change and relayed after the commit. */
@Singleton
@DependsOn("PaymentsSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PaymentsOutbox extends TransactionalOutbox {

    public PaymentsOutbox() {
        super("payments");
    }
}
