package org.switchboard.integration.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.transaction.Transactional;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.messaging.ContractViolationException;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.JsonMessages;

/** Sends commands to Marketing's queue, enlisted in the transaction that consumed their cause. */
@ApplicationScoped
public class MarketingCommands {

    /** Fault point: after CreateCustomer is sent for a consumed event, before commit. */
    public static final String FAULT_AFTER_SEND = "integration.customer-registered.after-send";

    @Inject
    @JMSConnectionFactory("java:/jms/integration/JmsXA")
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/marketing.commands")
    Queue commands;

    /**
     * A command that breaks its schema is refused before anything is sent; that leaves the
     * transaction clean, so the listener can still dead-letter the event in it.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ContractViolationException.class)
    public void send(CreateCustomer command) {
        jms.createProducer().send(commands, JsonMessages.toTextMessage(jms, command));
        FaultPoints.pass(FAULT_AFTER_SEND, command.correlationId());
    }
}
