package org.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

/**
 * One destination has one name, whichever server made the destination object: WildFly's embedded
 * broker names a {@code jms-queue} by its JMS name, a remote-activemq server's
 * {@code external-jms-queue} by its core address (seen in cluster mode: Ordering's outbox looked up
 * {@code java:/jms/queue/jms.queue.inventory.commands}, and no order went past its first step).
 */
class DestinationsTest {

    /** How the embedded broker's jms-queue and jms-topic name themselves. */
    static final Queue EMBEDDED_QUEUE = () -> "inventory.commands";

    static final Topic EMBEDDED_TOPIC = () -> "webstore.events";

    /** How a remote-activemq server's external-jms-queue and external-jms-topic name themselves. */
    static final Queue EXTERNAL_QUEUE = () -> "jms.queue.inventory.commands";

    static final Topic EXTERNAL_TOPIC = () -> "jms.topic.webstore.events";

    @Test
    void aQueueHasItsJmsNameWhetherEmbeddedOrExternal() throws JMSException {
        assertThat(Destinations.name(EMBEDDED_QUEUE)).isEqualTo("inventory.commands");
        assertThat(Destinations.name(EXTERNAL_QUEUE)).isEqualTo("inventory.commands");
        assertThat(Destinations.name(EMBEDDED_TOPIC)).isEqualTo("webstore.events");
        assertThat(Destinations.name(EXTERNAL_TOPIC)).isEqualTo("webstore.events");
    }

    @Test
    void aQueueHasOneCoreAddressWhetherEmbeddedOrExternal() throws JMSException {
        assertThat(Destinations.coreAddress(EMBEDDED_QUEUE)).isEqualTo("jms.queue.inventory.commands");
        assertThat(Destinations.coreAddress(EXTERNAL_QUEUE)).isEqualTo("jms.queue.inventory.commands");
        assertThat(Destinations.coreAddress(EMBEDDED_TOPIC)).isEqualTo("jms.topic.webstore.events");
        assertThat(Destinations.coreAddress(EXTERNAL_TOPIC)).isEqualTo("jms.topic.webstore.events");
    }

    @Test
    void aNameWithoutThePrefixesStaysAsItIs() {
        assertThat(Destinations.jmsName("DLQ.marketing.commands")).isEqualTo("DLQ.marketing.commands");
        assertThat(Destinations.jmsName("activemq.notifications")).isEqualTo("activemq.notifications");
    }
}
