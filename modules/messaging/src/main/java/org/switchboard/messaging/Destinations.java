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
 *
 * <p>Where a destination object comes from decides what it calls itself: a {@code jms-queue} of
 * WildFly's embedded broker answers {@code getQueueName()} with its JMS name
 * ({@code inventory.commands}), an {@code external-jms-queue} of a server with remote-activemq with
 * its core address ({@code jms.queue.inventory.commands}). Both are one destination, so the names
 * given here are the JMS name either way.
 */
public final class Destinations {

    private Destinations() {}

    /** The JMS name, e.g. {@code marketing.commands} or {@code webstore.events}. */
    public static String name(Destination destination) throws JMSException {
        if (destination instanceof Queue queue) {
            return jmsName(queue.getQueueName());
        }
        if (destination instanceof Topic topic) {
            return jmsName(topic.getTopicName());
        }
        var name = property(destination, "getName");
        if (name != null) {
            return jmsName(name);
        }
        return jmsName(coreAddress(destination));
    }

    /** The JMS name of a core address or queue: {@code jms.queue.X} and {@code jms.topic.X} are X, others stay. */
    public static String jmsName(String core) {
        return core.replaceFirst("^jms\\.(queue|topic)\\.", "");
    }

    /** WildFly's JMS destinations live on core addresses jms.queue.&lt;name&gt; and jms.topic.&lt;name&gt;. */
    public static String coreAddress(Destination destination) throws JMSException {
        if (destination instanceof Queue) {
            return "jms.queue." + name(destination);
        }
        if (destination instanceof Topic) {
            return "jms.topic." + name(destination);
        }
        var address = property(destination, "getAddress");
        if (address == null) {
            throw new IllegalStateException("No address for destination " + destination);
        }
        return address;
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
