package org.switchboard.operations.broker.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.switchboard.messaging.BrokerAddresses.Routes;
import org.switchboard.operations.broker.entity.Counters;
import org.switchboard.operations.broker.entity.Load;
import org.switchboard.operations.broker.entity.QueueKind;
import org.switchboard.operations.broker.entity.QueueSample;
import org.switchboard.operations.broker.entity.Seen;

class QueueKindsTest {

    static final Routes CATCH_ALL = new Routes("jms.queue.DLQ", "jms.queue.ExpiryQueue");

    /** The address settings of jms-config/messaging.cli, as the broker resolves them. */
    static final Map<String, Routes> SETTINGS = Map.of(
            "jms.queue.marketing.commands", new Routes("jms.queue.DLQ.marketing.commands", "jms.queue.ExpiryQueue"),
            "jms.topic.webstore.events", new Routes("jms.queue.DLQ.webstore.events", "jms.queue.ExpiryQueue"));

    final List<String> asked = new ArrayList<>();

    final Function<String, Routes> routes = address -> {
        asked.add(address);
        return SETTINGS.getOrDefault(address, CATCH_ALL);
    };

    @Test
    void aQueueIsForWhatTheAddressSettingsOfTheAddressesPresentSay() {
        var at = Instant.parse("2026-11-02T10:00:00Z");
        var samples = QueueKinds.classify(
                List.of(
                        reading("jms.queue.marketing.commands", "jms.queue.marketing.commands", false, 3, at),
                        reading("jms.queue.DLQ.marketing.commands", "jms.queue.DLQ.marketing.commands", false, 2, at),
                        reading("integration", "jms.topic.webstore.events", true, 0, at),
                        reading("marketing-audit", "jms.topic.webstore.events", true, 0, at),
                        reading("jms.queue.ExpiryQueue", "jms.queue.ExpiryQueue", false, 0, at)),
                routes);

        assertThat(samples)
                .extracting(QueueSample::queue, QueueSample::kind, QueueSample::deadLetterQueue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "jms.queue.marketing.commands", QueueKind.QUEUE, "jms.queue.DLQ.marketing.commands"),
                        org.assertj.core.groups.Tuple.tuple(
                                "jms.queue.DLQ.marketing.commands", QueueKind.DEAD_LETTER, null),
                        org.assertj.core.groups.Tuple.tuple(
                                "integration", QueueKind.SUBSCRIPTION, "jms.queue.DLQ.webstore.events"),
                        org.assertj.core.groups.Tuple.tuple(
                                "marketing-audit", QueueKind.SUBSCRIPTION, "jms.queue.DLQ.webstore.events"),
                        org.assertj.core.groups.Tuple.tuple("jms.queue.ExpiryQueue", QueueKind.EXPIRY, null));
        assertThat(samples).allSatisfy(sample -> assertThat(sample.sampledAt()).isEqualTo(at));
        assertThat(samples)
                .as("which broker holds it and who consumes, as read")
                .allSatisfy(
                        sample -> assertThat(sample.seen()).isEqualTo(new Seen("broker-a", Map.of("node-1", 1), at)));
        assertThat(samples.get(1).load().depth()).isEqualTo(2);
        assertThat(asked).as("each address asked once").doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void aNamedDeadLetterQueueIsConfirmedByTheSettingsOfTheDestinationItNames() {
        assertThat(QueueKinds.isDeadLetterQueue("jms.queue.DLQ.marketing.commands", routes))
                .isTrue();
        assertThat(asked).as("only the queue the name points to").containsExactly("jms.queue.marketing.commands");

        asked.clear();
        assertThat(QueueKinds.isDeadLetterQueue("jms.queue.DLQ.webstore.events", routes))
                .as("a topic's dead-letter queue")
                .isTrue();
        assertThat(asked).containsExactly("jms.queue.webstore.events", "jms.topic.webstore.events");
    }

    @Test
    void theCatchAllDeadLetterQueueIsOneToo() {
        assertThat(QueueKinds.isDeadLetterQueue("jms.queue.DLQ", routes)).isTrue();
        assertThat(asked).containsExactly("#");
    }

    @Test
    void liveQueuesAndQueuesOnlyNamedLikeDeadLetterQueuesAreNot() {
        assertThat(QueueKinds.isDeadLetterQueue("jms.queue.marketing.commands", routes))
                .isFalse();
        assertThat(QueueKinds.isDeadLetterQueue("jms.queue.DLQ.nobody.sends.here", routes))
                .as("no destination's settings send there")
                .isFalse();
        assertThat(QueueKinds.isDeadLetterQueue("jms.queue.ExpiryQueue", routes))
                .isFalse();
        assertThat(QueueKinds.senders("jms.queue.DLQ.")).containsExactly("#");
    }

    private static QueueKinds.Reading reading(String queue, String address, boolean multicast, long depth, Instant at) {
        return new QueueKinds.Reading(
                queue,
                address,
                multicast,
                new Load(depth, 0, 0, 1, depth == 0 ? null : 1000L, false),
                new Counters(0, 0, 0, 0),
                new Seen("broker-a", Map.of("node-1", 1), at));
    }

    @Test
    void aQueueMayBeNamedAsUsersSeeItOrAsTheBrokerDoes() {
        assertThat(QueueKinds.coreName("DLQ.marketing.commands")).isEqualTo("jms.queue.DLQ.marketing.commands");
        assertThat(QueueKinds.coreName("jms.queue.DLQ.marketing.commands"))
                .isEqualTo("jms.queue.DLQ.marketing.commands");
        assertThat(QueueKinds.coreName(" DLQ.webstore.events ")).isEqualTo("jms.queue.DLQ.webstore.events");
        assertThat(QueueKinds.coreName(null)).isNull();
    }
}
