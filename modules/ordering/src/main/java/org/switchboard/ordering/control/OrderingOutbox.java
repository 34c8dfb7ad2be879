package org.switchboard.ordering.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import org.switchboard.messaging.outbox.TransactionalOutbox;

/** Ordering's outbox ({@code ordering.outbox}): what it sends is written with its change and relayed after the commit. */
@Singleton
@DependsOn("OrderingSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OrderingOutbox extends TransactionalOutbox {

    public OrderingOutbox() {
        super("ordering");
    }
}
