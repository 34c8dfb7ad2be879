package org.switchboard.operations.journeys.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.switchboard.contracts.operations.MessageHandled;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.operations.journeys.control.JourneyJournal;

/**
 * Records the journey notes every context's message-driven beans send to {@code ops.journey}
 * (see {@code ConsumerInterceptor}). Unlike the business consumers it needs no XA transaction: the
 * insert is idempotent on the note's own id and commits on its own (one resource, one phase), and
 * the note is acknowledged after that. If the insert fails, the module's default interceptor throws
 * the failure on to the resource adapter, which rolls the delivery back, and the broker redelivers
 * it (then dead-letters it to {@code DLQ.ops.journey}); an unreadable note is dead-lettered at once.
 * If the server stops between insert and acknowledgement, the redelivered note finds its row and
 * changes nothing. Without a transaction, the interceptor records no note about a note.
 */
@MessageDriven(
        name = "JourneyListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/ops.journey"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JourneyListener implements MessageListener {

    @Inject
    JourneyJournal journal;

    @Override
    public void onMessage(Message message) {
        journal.record(IncomingMessage.from(message).expect(MessageHandled.class));
    }
}
