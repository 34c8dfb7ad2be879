package org.switchboard.operations.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.switchboard.contracts.operations.MessageHandled;
import org.switchboard.messaging.DeadLetters;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.UnreadableMessageException;
import org.switchboard.operations.control.JourneyJournal;

/**
 * Records the journey notes every context's message-driven beans send to {@code ops.journey}
 * (see {@code JourneyRecorder}). Receiving a note and recording it are one XA transaction; a note
 * delivered twice is recorded once. This bean carries no journey recorder itself: notes about
 * notes would never end. Two sessions are enough: a note is one small insert.
 */
@MessageDriven(
        name = "JourneyListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/ops.journey"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
        })
public class JourneyListener implements MessageListener {

    private static final System.Logger LOG = System.getLogger(JourneyListener.class.getName());

    @Inject
    JourneyJournal journal;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        try {
            var incoming = IncomingMessage.from(message);
            journal.record(incoming.expect(MessageHandled.class));
        } catch (UnreadableMessageException e) {
            if (!new DeadLetters(jms, "operations/JourneyListener").reject(message, e, null)) {
                context.setRollbackOnly();
            }
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Rolling back delivery of {0} from ops.journey: {1}",
                    IncomingMessage.describe(message),
                    e.toString());
            context.setRollbackOnly();
        }
    }
}
