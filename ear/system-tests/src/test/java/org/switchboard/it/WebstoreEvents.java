package org.switchboard.it;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import java.util.UUID;

/**
 * A throw-away, non-durable subscriber on {@code webstore.events} that sees only one flow's
 * messages: proof of what the Web Store did or did not publish.
 */
final class WebstoreEvents implements AutoCloseable {

    private final JMSContext context;
    private final JMSConsumer consumer;

    WebstoreEvents(ConnectionFactory factory, Topic topic, UUID correlationId) {
        this.context = factory.createContext();
        this.consumer = context.createConsumer(topic, "JMSCorrelationID = '" + correlationId + "'");
    }

    /** The next message of the flow, or null if none arrives within the given time. */
    Message next(long timeoutMillis) {
        return consumer.receive(timeoutMillis);
    }

    @Override
    public void close() {
        context.close();
    }
}
