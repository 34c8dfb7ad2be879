package org.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.switchboard.operations.broker.entity.BrowsedMessage;
import org.switchboard.operations.broker.entity.Counters;
import org.switchboard.operations.broker.entity.Envelope;
import org.switchboard.operations.broker.entity.Failure;
import org.switchboard.operations.broker.entity.Load;
import org.switchboard.operations.broker.entity.Origin;
import org.switchboard.operations.broker.entity.QueueKind;
import org.switchboard.operations.broker.entity.QueueSample;
import org.switchboard.operations.broker.entity.Seen;
import org.switchboard.operations.deadletters.boundary.DeadLetter;
import org.switchboard.operations.deadletters.boundary.DeadLetterGroup;
import org.switchboard.operations.journeys.entity.Handling;
import org.switchboard.operations.journeys.entity.JourneyMessage;
import org.switchboard.operations.journeys.entity.JourneyStep;
import org.switchboard.operations.journeys.entity.Outcome;
import org.switchboard.operations.journeys.entity.Sending;
import org.switchboard.operations.monitoring.boundary.QueueStatus;

/**
 * The views broken into parts still read as the flat records the API always returned: each is
 * compared with the JSON JSON-B writes for the old flat record, field for field — also inside lists
 * without type information, which is how JAX-RS hands a resource's result to JSON-B.
 */
public class FlatJsonTest {

    static final Instant SENT = Instant.parse("2026-11-02T10:00:00Z");
    static final Instant PARKED = Instant.parse("2026-11-02T10:00:01Z");

    /** The API's dead letter, as it was. */
    public record FlatDeadLetter(
            String queue,
            String id,
            String type,
            Integer schemaVersion,
            String correlationId,
            String messageId,
            String originalAddress,
            String originalQueue,
            String reason,
            String detail,
            Instant sentAt,
            Instant deadLetteredAt,
            Integer deliveryCount,
            boolean masked,
            String body,
            Map<String, Object> properties) {}

    /** The API's queue status, as it was. */
    public record FlatQueueStatus(
            String queue,
            String address,
            QueueKind kind,
            String deadLetterQueue,
            long depth,
            int inFlight,
            long scheduled,
            int consumers,
            long messagesAdded,
            long messagesAcknowledged,
            long messagesKilled,
            long messagesExpired,
            boolean paused,
            double addedPerSecond,
            double acknowledgedPerSecond,
            Long oldestMessageAgeMillis,
            long deadLetterDepth,
            String broker,
            Map<String, Integer> consumersByNode,
            Instant sampledAt) {}

    /** The API's journey step, as it was. */
    public record FlatJourneyStep(
            String messageId,
            String type,
            Integer schemaVersion,
            String causationId,
            String destination,
            String subscription,
            String context,
            String consumer,
            Instant sentAt,
            Instant handledAt,
            Integer deliveryCount,
            String outcome,
            String reason,
            String where) {}

    /** As the webapp configures JSON-B. */
    final Jsonb json = JsonbBuilder.create(new JsonbConfig().withSerializers(FlatJson.views()));

    /** JSON-B's defaults, for the old flat records. */
    final Jsonb plain = JsonbBuilder.create();

    @Test
    void aDeadLetterIsOneFlatObject() {
        var properties = new TreeMap<String, Object>(Map.of("deadLetterConsumer", "marketing/CreateCustomerListener"));
        var letter = new DeadLetter(
                "jms.queue.DLQ.marketing.commands",
                new BrowsedMessage(
                        "ID:1",
                        new Envelope("marketing.CreateCustomer", 1, "c1", "m1", SENT),
                        new Origin("jms.queue.marketing.commands", "jms.queue.marketing.commands"),
                        new Failure("SCHEMA_VIOLATION", "customerSince is missing", 1, PARKED),
                        "{\"email\":\"a***@example.org\"}",
                        properties),
                true);

        assertThat(json.toJson(letter))
                .isEqualTo(plain.toJson(new FlatDeadLetter(
                        "jms.queue.DLQ.marketing.commands",
                        "ID:1",
                        "marketing.CreateCustomer",
                        1,
                        "c1",
                        "m1",
                        "jms.queue.marketing.commands",
                        "jms.queue.marketing.commands",
                        "SCHEMA_VIOLATION",
                        "customerSince is missing",
                        SENT,
                        PARKED,
                        1,
                        true,
                        "{\"email\":\"a***@example.org\"}",
                        properties)));
    }

    @Test
    void nullsAreLeftOutAsBeforeAndListsOfViewsAreFlatToo() {
        var letter = new DeadLetter(
                "jms.queue.DLQ.marketing.commands",
                new BrowsedMessage(
                        "ID:1",
                        new Envelope(null, null, null, null, null),
                        new Origin(null, null),
                        new Failure(Failure.MOVED_BY_BROKER, null, null, null),
                        "x",
                        Map.of()),
                false);
        var group = new DeadLetterGroup(
                "jms.queue.DLQ.marketing.commands", null, null, "MOVED_BY_BROKER", 1, List.of(letter));

        assertThat(json.toJson(List.of(group)))
                .isEqualTo(plain.toJson(List.of(new DeadLetterGroup(
                                "jms.queue.DLQ.marketing.commands", null, null, "MOVED_BY_BROKER", 1, List.of())))
                        .replace(
                                "\"messages\":[]",
                                "\"messages\":["
                                        + plain.toJson(new FlatDeadLetter(
                                                "jms.queue.DLQ.marketing.commands",
                                                "ID:1",
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                "MOVED_BY_BROKER",
                                                null,
                                                null,
                                                null,
                                                null,
                                                false,
                                                "x",
                                                Map.of()))
                                        + "]"));
    }

    @Test
    void aQueueStatusIsOneFlatObject() {
        var status = new QueueStatus(
                new QueueSample(
                        "jms.queue.marketing.commands",
                        "jms.queue.marketing.commands",
                        QueueKind.QUEUE,
                        "jms.queue.DLQ.marketing.commands",
                        new Load(7, 1, 2, 4, 1500L, true),
                        new Counters(100, 90, 3, 1),
                        new Seen("broker-a", Map.of("node-1", 3, "node-2", 1), SENT)),
                new QueueStatus.Rates(2.5, 0.0),
                3);

        assertThat(json.toJson(Map.of("jms.queue.marketing.commands", List.of(status))))
                .isEqualTo(plain.toJson(Map.of(
                        "jms.queue.marketing.commands",
                        List.of(new FlatQueueStatus(
                                "jms.queue.marketing.commands",
                                "jms.queue.marketing.commands",
                                QueueKind.QUEUE,
                                "jms.queue.DLQ.marketing.commands",
                                7,
                                1,
                                2,
                                4,
                                100,
                                90,
                                3,
                                1,
                                true,
                                2.5,
                                0.0,
                                1500L,
                                3,
                                "broker-a",
                                Map.of("node-1", 3, "node-2", 1),
                                SENT)))));
    }

    @Test
    void aJourneyStepIsOneFlatObject() {
        var step = new JourneyStep(
                new JourneyMessage("m1", "marketing.CreateCustomer", 1, "e1"),
                new Sending("marketing.commands", null, SENT),
                new Handling("marketing", "CreateCustomerListener", PARKED, 1),
                Outcome.PROCESSED,
                null,
                null);

        assertThat(json.toJson(List.of(step)))
                .isEqualTo(plain.toJson(List.of(new FlatJourneyStep(
                        "m1",
                        "marketing.CreateCustomer",
                        1,
                        "e1",
                        "marketing.commands",
                        null,
                        "marketing",
                        "CreateCustomerListener",
                        SENT,
                        PARKED,
                        1,
                        "PROCESSED",
                        null,
                        null))));
    }

    public record Clash(String id, Part part) {
        public record Part(String id) {}
    }

    static final class ClashJson extends FlatJson<Clash> {}

    @Test
    void twoFieldsOfOneNameAreABug() {
        var clashing = JsonbBuilder.create(new JsonbConfig().withSerializers(new ClashJson()));

        assertThatThrownBy(() -> clashing.toJson(new Clash("a", new Clash.Part("b"))))
                .isInstanceOfAny(JsonbException.class, IllegalStateException.class)
                .hasStackTraceContaining("repeats field id");
    }
}
