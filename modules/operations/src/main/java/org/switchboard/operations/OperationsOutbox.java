package org.switchboard.operations;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import org.switchboard.messaging.outbox.TransactionalOutbox;

/**
 * Operations' outbox ({@code operations.outbox}): a command Operations sends (an approved saga
 * re-drive) is written with the decision that causes it and relayed after the commit.
 */
@Singleton
@DependsOn("OperationsSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OperationsOutbox extends TransactionalOutbox {

    public OperationsOutbox() {
        super("operations");
    }
}
