package org.switchboard.operations.sagas.control;

import jakarta.jms.Destination;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.contracts.Message;
import org.switchboard.messaging.outbox.Delivery;
import org.switchboard.operations.OperationsOutbox;
import org.switchboard.operations.sagas.entity.RedriveRequest;

/**
 * The command Operations' real {@link RedriveCommands} puts in its outbox for an approved re-drive,
 * kept instead of stored: what its provider contract test hands to Pact.
 */
public final class SentRedrives {

    private SentRedrives() {}

    private static final class Kept extends OperationsOutbox {
        final List<Message> messages = new ArrayList<>();

        @Override
        public void add(Message message, Destination destination, Delivery delivery) {
            messages.add(message);
        }
    }

    public static Message of(RedriveRequest request) {
        var kept = new Kept();
        var commands = new RedriveCommands();
        commands.outbox = kept;
        commands.send(request);
        return kept.messages.get(0);
    }
}
