package org.switchboard.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Queue;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

/**
 * The outbox stores where a message goes as the JNDI name jms-config/messaging.cli binds, and the
 * relay looks it up there: the same name from an embedded broker's destination and from a
 * remote-activemq server's external one (which names itself by its core address).
 */
class OutboxDestinationTest {

    @Test
    void anExternalQueueIsStoredUnderTheJndiNameTheRelayLooksUp() {
        Queue embedded = () -> "inventory.commands";
        Queue external = () -> "jms.queue.inventory.commands";

        assertThat(OutboxDestinations.jndiName(embedded)).isEqualTo("java:/jms/queue/inventory.commands");
        assertThat(OutboxDestinations.jndiName(external)).isEqualTo("java:/jms/queue/inventory.commands");
    }

    @Test
    void anExternalTopicIsStoredUnderTheJndiNameTheRelayLooksUp() {
        Topic embedded = () -> "ordering.events";
        Topic external = () -> "jms.topic.ordering.events";

        assertThat(OutboxDestinations.jndiName(embedded)).isEqualTo("java:/jms/topic/ordering.events");
        assertThat(OutboxDestinations.jndiName(external)).isEqualTo("java:/jms/topic/ordering.events");
    }
}
