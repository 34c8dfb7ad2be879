package org.switchboard.shipping.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import org.switchboard.messaging.outbox.TransactionalOutbox;

/** Shipping's outbox ({@code shipping.outbox}): what it sends is written with its change and relayed after the commit. */
@Singleton
@DependsOn("ShippingSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ShippingOutbox extends TransactionalOutbox {

    public ShippingOutbox() {
        super("shipping");
    }
}
