package org.switchboard.inventory.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import org.switchboard.messaging.outbox.TransactionalOutbox;

/** Inventory's outbox ({@code inventory.outbox}): what it sends is written with its change and relayed after the commit. */
@Singleton
@DependsOn("InventorySchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class InventoryOutbox extends TransactionalOutbox {

    public InventoryOutbox() {
        super("inventory");
    }
}
