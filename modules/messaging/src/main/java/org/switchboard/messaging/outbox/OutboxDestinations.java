package org.switchboard.messaging.outbox;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.switchboard.messaging.Destinations;

/**
 * An outbox row names its destination by where WildFly binds it (jms-config/messaging.cli), so that
 * the relay finds it again after a restart; looked up once per name.
 */
final class OutboxDestinations {

    private final Map<String, Destination> found = new ConcurrentHashMap<>();

    /** The destination bound at {@code jndiName}. */
    Destination lookup(String jndiName) {
        return found.computeIfAbsent(jndiName, name -> {
            try {
                return (Destination) new InitialContext().lookup(name);
            } catch (NamingException e) {
                throw new IllegalStateException("No JMS destination at " + name, e);
            }
        });
    }

    /** Where WildFly binds one of Switchboard's destinations. */
    static String jndiName(Destination destination) {
        try {
            if (destination instanceof Queue queue) {
                return "java:/jms/queue/" + Destinations.name(queue);
            }
            if (destination instanceof Topic topic) {
                return "java:/jms/topic/" + Destinations.name(topic);
            }
            throw new IllegalArgumentException("Neither a queue nor a topic: " + destination);
        } catch (JMSException e) {
            throw new IllegalArgumentException("Cannot name " + destination, e);
        }
    }
}
