package org.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Queue;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

class DestinationsTest {

    @Test
    void aJmsDestinationLivesOnItsPrefixedCoreAddress() throws Exception {
        assertThat(Destinations.coreAddress((Queue) () -> "marketing.commands"))
                .isEqualTo("jms.queue.marketing.commands");
        assertThat(Destinations.coreAddress((Topic) () -> "webstore.events")).isEqualTo("jms.topic.webstore.events");
    }

    @Test
    void aDestinationNamedByItsCoreAddressKeepsIt() throws Exception {
        // As a remote-activemq node (cluster mode) names the destination of a message it consumed.
        assertThat(Destinations.coreAddress((Queue) () -> "jms.queue.marketing.commands"))
                .isEqualTo("jms.queue.marketing.commands");
        assertThat(Destinations.coreAddress((Topic) () -> "jms.topic.webstore.events"))
                .isEqualTo("jms.topic.webstore.events");
    }
}
