package org.switchboard.messaging;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

/**
 * Names of the destination a message arrived on. Usually a {@link Queue} or a {@link Topic}; but a
 * message that Artemis moved back from a dead-letter queue ({@code retryMessage}) arrives with a
 * destination that is neither, which still knows its core address and name (read reflectively, as
 * the Artemis client classes are not visible to the application).
 */
public final class Destinations {

    private Destinations() {}

    /** The JMS name, e.g. {@code marketing.commands} or {@code webstore.events}. */
    public static String name(Destination destination) throws JMSException {
        if (destination instanceof Queue queue) {
            return queue.getQueueName();
        }
        if (destination instanceof Topic topic) {
            return topic.getTopicName();
        }
        var name = property(destination, "getName");
        if (name != null) {
            return name;
        }
        return jmsName(coreAddress(destination));
    }

    /** The JMS name of a core address or queue: {@code jms.queue.X} and {@code jms.topic.X} are X, others stay. */
    public static String jmsName(String core) {
        return core.replaceFirst("^jms\\.(queue|topic)\\.", "");
    }

    /** WildFly's JMS destinations live on core addresses jms.queue.&lt;name&gt; and jms.topic.&lt;name&gt;. */
    public static String coreAddress(Destination destination) throws JMSException {
        // A remote-activemq node (cluster mode) names a consumed message's destination by its core
        // address already: jms.queue.X, not X.
        if (destination instanceof Queue queue) {
            return prefixed("jms.queue.", queue.getQueueName());
        }
        if (destination instanceof Topic topic) {
            return prefixed("jms.topic.", topic.getTopicName());
        }
        var address = property(destination, "getAddress");
        if (address == null) {
            throw new IllegalStateException("No address for destination " + destination);
        }
        return address;
    }

    private static String prefixed(String prefix, String name) {
        return name.startsWith(prefix) ? name : prefix + name;
    }

    private static String property(Destination destination, String getter) {
        if (destination == null) {
            return null;
        }
        try {
            var value = destination.getClass().getMethod(getter).invoke(destination);
            return value == null || value.toString().isBlank() ? null : value.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
