package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.messaging.JsonMessages;

/**
 * Operations say what they can know (issue 11): a dead letter's reason and a dry run claim no more
 * than the message proves; requests take the queue name users see; a paused queue shows and
 * degrades health; a correlation id starts one flow only; dead letters removed behind
 * Switchboard's back are found, alerted and audited.
 */
class TruthfulOperationsIT extends InContainerTest {

    static final String COMMANDS = "jms.queue.marketing.commands";
    static final String DLQ = "jms.queue.DLQ.marketing.commands";

    @Resource(lookup = "java:/jms/queue/marketing.commands")
    Queue marketingCommands;

    @Resource(lookup = "java:/jms/queue/DLQ.marketing.commands")
    Queue deadLetters;

    @Test
    void aFirstDeliveryDeadLetterKeepsItsReasonAndItsDryRunClaimsNoProcessing() {
        var command = schemaViolation(marketingCommands, deadLetters);
        try {
            var letter = letterOf(command.correlationId());
            assertThat(letter.getString("reason")).isEqualTo("SCHEMA_VIOLATION");
            assertThat(letter.getInt("deliveryCount")).isEqualTo(1);
            var id = letter.getString("id");

            var byJmsName =
                    api.as("operator").post("api/ops/requests", request("REPLAY", "DLQ.marketing.commands", id), null);
            assertThat(byJmsName.status()).as(byJmsName.body()).isEqualTo(201);
            assertThat(byJmsName.json().getString("queue")).isEqualTo(DLQ);
            assertThat(byJmsName.json().getJsonArray("dryRun").getString(0))
                    .contains("not processed by the delivery that refused it (SCHEMA_VIOLATION, delivery 1)")
                    .doesNotContain("already processed");

            var byCoreName = api.as("operator").post("api/ops/requests", request("DELETE", DLQ, id), null);
            assertThat(byCoreName.status()).as(byCoreName.body()).isEqualTo(201);
            assertThat(byCoreName.json().getString("queue")).isEqualTo(DLQ);

            for (var created : List.of(byJmsName, byCoreName)) {
                assertThat(api.as("approver")
                                .post(
                                        "api/ops/requests/" + created.json().getString("id") + "/reject",
                                        "{\"reason\":\"test\"}",
                                        null)
                                .status())
                        .isEqualTo(200);
            }
        } finally {
            drain(deadLetters, command.correlationId());
        }
    }

    @Test
    void aPausedQueueShowsAndDegradesHealthAndAMessageMovedByHandIsNotCalledExhausted() {
        var command = InvalidMessagesIT.command(UUID.randomUUID());
        Broker.pause(COMMANDS);
        try {
            try (var jms = connectionFactory.createContext()) {
                jms.createProducer().send(marketingCommands, JsonMessages.toTextMessage(jms, command));
            }
            var queue = api.as("viewer").get("api/ops/queues").array().getValuesAs(JsonObject.class).stream()
                    .filter(q -> q.getString("queue").equals(COMMANDS))
                    .findFirst()
                    .orElseThrow();
            assertThat(queue.getBoolean("paused")).isTrue();
            var health = api.as("viewer").get("api/ops/health").json();
            assertThat(health.getString("status")).isIn("DEGRADED", "DOWN");
            assertThat(health.getJsonObject("components")
                            .getJsonObject("queues")
                            .getString("status"))
                    .isEqualTo("DEGRADED");
            assertThat(health.getJsonObject("components")
                            .getJsonObject("queues")
                            .getString("detail"))
                    .contains("marketing.commands");
            assertThat(api.as("viewer").get("ops/queues.xhtml").body()).contains("paused");

            // An operator moves the waiting command to the dead-letter queue by hand: never delivered.
            assertThat(Broker.move(COMMANDS, "correlationId = '" + command.correlationId() + "'", DLQ))
                    .isEqualTo(1);
        } finally {
            Broker.resume(COMMANDS);
        }
        try {
            var letter = letterOf(command.correlationId());
            assertThat(letter.getString("reason")).isEqualTo("MOVED_BY_BROKER").isNotEqualTo("REDELIVERY_EXHAUSTED");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(api.as("viewer")
                                    .get("api/ops/health")
                                    .json()
                                    .getJsonObject("components")
                                    .getJsonObject("queues")
                                    .getString("status"))
                            .isEqualTo("UP"));
        } finally {
            drain(deadLetters, command.correlationId());
        }
    }

    @Test
    void aDeadLetterRemovedThroughJmxIsFoundAlertedAndAudited() {
        var before = Instant.now();
        var command = schemaViolation(marketingCommands, deadLetters);
        var outsideBefore = removedOutside();

        assertThat(Broker.remove(DLQ, "correlationId = '" + command.correlationId() + "'"))
                .isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(removedOutside()).isGreaterThan(outsideBefore);
            assertThat(api.as("viewer").get("api/ops/audit").array().getValuesAs(JsonObject.class))
                    .filteredOn(a -> a.getString("action").equals("CHANGED_OUTSIDE_FOUR_EYES"))
                    .filteredOn(a -> DLQ.equals(a.getString("queue", null)))
                    .filteredOn(a -> Instant.parse(a.getString("at")).isAfter(before))
                    .isNotEmpty()
                    .allSatisfy(a -> assertThat(a.getString("detail")).contains("without a four-eyes request"));
            assertThat(api.as("viewer").get("api/ops/alerts").array().getValuesAs(JsonObject.class))
                    .filteredOn(a -> a.getString("kind").equals("DEAD_LETTERS_CHANGED_OUTSIDE"))
                    .filteredOn(a -> Instant.parse(a.getString("at")).isAfter(before))
                    .isNotEmpty()
                    .allSatisfy(a -> assertThat(a.getString("type")).isEqualTo("NOTICE"));
        });
        assertThat(api.as("viewer").get("ops/dead-letters.xhtml").body()).contains("Changed outside four-eyes");
    }

    @Test
    void aSecondRegistrationWithTheSameCorrelationIdIsRefusedAndTheJourneysStayApart() {
        var correlationId = UUID.randomUUID();
        var first = api.register(Api.uniqueEmail("flow-one"), "Ada", "One", true, correlationId);
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        var secondEmail = Api.uniqueEmail("flow-two");
        var second = api.register(secondEmail, "Eve", "Two", true, correlationId);

        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().getString("type")).endsWith("correlation-id-in-use");
        assertThat(tables.customersWithEmail(secondEmail)).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> tables.contactsOfFlow(correlationId) == 1);
        var journey = api.as("viewer").get("api/ops/journeys/" + correlationId).json();
        assertThat(journey.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                        .filter(s -> "webstore.CustomerRegistered".equals(s.getString("type", null)))
                        .map(s -> s.getString("messageId"))
                        .distinct())
                .as("one registration's event in the flow, however many consumers handled it")
                .hasSize(1);
    }

    private long removedOutside() {
        return api.as("viewer").get("api/ops/dead-letter-queues").array().getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("queue").equals(DLQ))
                .mapToLong(l -> l.getJsonNumber("removedOutside").longValue())
                .sum();
    }

    private JsonObject letterOf(UUID correlationId) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () ->
                                api
                                        .as("viewer")
                                        .get("api/ops/dead-letters")
                                        .array()
                                        .getValuesAs(JsonObject.class)
                                        .stream()
                                        .flatMap(g -> g.getJsonArray("messages").getValuesAs(JsonObject.class).stream())
                                        .filter(m ->
                                                correlationId.toString().equals(m.getString("correlationId", null)))
                                        .findFirst()
                                        .orElse(null),
                        m -> m != null);
    }

    private static String request(String action, String queue, String id) {
        return Json.createObjectBuilder()
                .add("action", action)
                .add("queue", queue)
                .add("messageIds", Json.createArrayBuilder().add(id))
                .add("reason", "issue 11")
                .build()
                .toString();
    }
}
