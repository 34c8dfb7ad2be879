package org.switchboard.operations.journeys.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.switchboard.contracts.operations.MessageHandled;
import org.switchboard.messaging.DeadLetters;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.UnreadableMessageException;
import org.switchboard.operations.journeys.control.JourneyJournal;

/**
 * Records the journey notes every context's message-driven beans send to {@code ops.journey}
 * (see {@code JourneyRecorder}). Unlike the business consumers it needs no XA transaction: the
 * insert is idempotent on the note's own id and commits on its own (one resource, one phase), and
 * the note is acknowledged after that. If the insert fails, the exception reaches the resource
 * adapter, which rolls the delivery back, and the broker redelivers it (then dead-letters it to
 * {@code DLQ.ops.journey}); if the server stops between insert and acknowledgement, the redelivered
 * note finds its row and changes nothing. This bean carries no journey recorder itself: notes about
 * notes would never end.
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

    private static final System.Logger LOG = System.getLogger(JourneyListener.class.getName());

    @Inject
    JourneyJournal journal;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Override
    public void onMessage(Message message) {
        try {
            var incoming = IncomingMessage.from(message);
            journal.record(incoming.expect(MessageHandled.class));
        } catch (UnreadableMessageException e) {
            // Without a transaction the copy is sent at once; if the acknowledgement is then lost,
            // the note is dead-lettered twice, which harms nothing.
            if (!new DeadLetters(jms, "operations/JourneyListener").reject(message, e, null)) {
                throw new IllegalStateException("Cannot dead-letter an unreadable journey note", e);
            }
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Failed to record {0} from ops.journey; the broker redelivers it: {1}",
                    IncomingMessage.describe(message),
                    e.toString());
            throw e;
        }
    }
}
