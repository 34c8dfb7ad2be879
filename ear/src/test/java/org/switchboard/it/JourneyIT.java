package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Queue;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.messaging.JsonMessages;

/**
 * "Where is my registration?": the journey of a flow, by correlation id, from the consumers' notes
 * and the broker's queues.
 */
class JourneyIT extends InContainerTest {

    static final String COMMANDS = "jms.queue.marketing.commands";

    @Resource(lookup = "java:/jms/queue/marketing.commands")
    Queue marketingCommands;

    @Test
    void aRegistrationShowsBothHopsHandledOnceInOrderAndLinkedByCausation() {
        var correlationId = UUID.randomUUID();
        assertThat(api.register(Api.uniqueEmail("journey"), "Ada", "Lovelace", true, correlationId)
                        .status())
                .isEqualTo(201);

        var journey = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> journey(correlationId),
                        j -> j != null && "DONE".equals(j.getString("status")) && steps(j).size() == 2);
        // Nothing more arrives: one note per committed delivery.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> steps(journey(correlationId)).size() == 2);

        var event = steps(journey).get(0);
        var command = steps(journey).get(1);
        assertThat(event.getString("type")).isEqualTo("webstore.CustomerRegistered");
        assertThat(event.getInt("schemaVersion")).isEqualTo(2);
        assertThat(event.getString("destination")).isEqualTo("webstore.events");
        assertThat(event.getString("subscription")).isEqualTo("integration");
        assertThat(event.getString("context")).isEqualTo("integration");
        assertThat(event.getString("consumer")).isEqualTo("CustomerRegisteredListener");
        assertThat(event.getString("outcome")).isEqualTo("PROCESSED");
        assertThat(event.getInt("deliveryCount")).isEqualTo(1);

        assertThat(command.getString("type")).isEqualTo("marketing.CreateCustomer");
        assertThat(command.getString("destination")).isEqualTo("marketing.commands");
        assertThat(command.getString("context")).isEqualTo("marketing");
        assertThat(command.getString("consumer")).isEqualTo("CreateCustomerListener");
        assertThat(command.getString("outcome")).isEqualTo("PROCESSED");
        assertThat(command.getString("causationId")).isEqualTo(event.getString("messageId"));

        var eventSent = Instant.parse(event.getString("sentAt"));
        var eventHandled = Instant.parse(event.getString("handledAt"));
        var commandSent = Instant.parse(command.getString("sentAt"));
        var commandHandled = Instant.parse(command.getString("handledAt"));
        assertThat(eventSent).isBeforeOrEqualTo(eventHandled);
        assertThat(commandSent).isAfterOrEqualTo(eventSent).isBeforeOrEqualTo(commandHandled);
        assertThat(journey.getJsonArray("summary").getString(1))
                .contains("processed by marketing/CreateCustomerListener");
    }

    @Test
    void aCommandThatCannotBeDeliveredShowsWhereItWaitsAndThenThatItWasHandled() {
        var correlationId = UUID.randomUUID();
        Broker.pause(COMMANDS);
        try {
            assertThat(api.register(Api.uniqueEmail("waiting"), "Grace", "Hopper", false, correlationId)
                            .status())
                    .isEqualTo(201);
            var waiting = await().atMost(Duration.ofSeconds(30))
                    .until(() -> journey(correlationId), j -> j != null && "IN_PROGRESS".equals(j.getString("status")));
            var command = steps(waiting).stream()
                    .filter(step -> "marketing.CreateCustomer".equals(step.getString("type")))
                    .findFirst()
                    .orElseThrow();
            assertThat(command.getString("outcome")).isEqualTo("WAITING");
            assertThat(command.getString("where")).isEqualTo("marketing.commands");
            assertThat(command.getString("destination")).isEqualTo("marketing.commands");
            assertThat(command.containsKey("handledAt")).as("not handled yet").isFalse();
            assertThat(waiting.getJsonArray("summary").toString()).contains("waiting in marketing.commands");
        } finally {
            Broker.resume(COMMANDS);
        }
        var done = await().atMost(Duration.ofSeconds(30))
                .until(() -> journey(correlationId), j -> "DONE".equals(j.getString("status")));
        assertThat(steps(done)).extracting(step -> step.getString("outcome")).containsExactly("PROCESSED", "PROCESSED");
    }

    @Test
    void aDuplicateIsNotedAsSuchAndAnUnreadableCommandAsDeadLetteredAndStuck() throws Exception {
        var correlationId = UUID.randomUUID();
        var command = InvalidMessagesIT.command(correlationId);
        var invalidId = UUID.randomUUID();
        var invalidBody = JsonMessages.toJson(InvalidMessagesIT.command(correlationId))
                .replaceFirst("\"email\":\"[^\"]*\"", "\"email\":42")
                .replaceFirst("\"messageId\":\"[^\"]*\"", "\"messageId\":\"" + invalidId + "\"");
        try (var jms = connectionFactory.createContext()) {
            jms.createProducer().send(marketingCommands, JsonMessages.toTextMessage(jms, command));
            jms.createProducer().send(marketingCommands, JsonMessages.toTextMessage(jms, command));
            jms.createProducer()
                    .send(
                            marketingCommands,
                            InvalidMessagesIT.raw(
                                    jms, "marketing.CreateCustomer", 1, invalidId, correlationId, invalidBody));
        }

        var journey = await().atMost(Duration.ofSeconds(30))
                .until(() -> journey(correlationId), j -> j != null && steps(j).size() == 4);
        assertThat(journey.getString("status")).isEqualTo("STUCK");
        var ofValid = steps(journey).stream()
                .filter(step -> command.messageId().toString().equals(step.getString("messageId")))
                .map(step -> step.getString("outcome"))
                .toList();
        assertThat(ofValid).containsExactly("PROCESSED", "DUPLICATE");
        var ofInvalid = steps(journey).stream()
                .filter(step -> invalidId.toString().equals(step.getString("messageId")))
                .toList();
        assertThat(ofInvalid)
                .extracting(step -> step.getString("outcome"))
                .containsExactly("DEAD_LETTERED", "IN_DEAD_LETTER_QUEUE");
        assertThat(ofInvalid).extracting(step -> step.getString("reason")).containsOnly("SCHEMA_VIOLATION");
        assertThat(ofInvalid.get(1).getString("where")).isEqualTo("DLQ.marketing.commands");
        assertThat(ofInvalid.get(1).getString("destination")).isEqualTo("marketing.commands");
        assertThat(journey.getJsonArray("summary").toString()).contains("in dead-letter queue DLQ.marketing.commands");
    }

    @Test
    void theJourneyNeedsAnOperationsRoleAndAValidKnownCorrelationId() {
        var unknown = UUID.randomUUID();
        assertThat(api.get("api/ops/journeys/" + unknown).status()).isEqualTo(401);
        assertThat(api.as("customer").get("api/ops/journeys/" + unknown).status())
                .isEqualTo(403);

        var notFound = api.as("viewer").get("api/ops/journeys/" + unknown);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.contentType()).startsWith("application/problem+json");
        assertThat(notFound.json().getString("detail")).contains(unknown.toString());

        var malformed = api.as("viewer").get("api/ops/journeys/not-a-uuid");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().getString("detail")).contains("UUID");
    }

    @Test
    void thePageShowsTheFlowAndExplainsABadId() {
        var correlationId = UUID.randomUUID();
        api.register(Api.uniqueEmail("journey-page"), "Alan", "Turing", true, correlationId);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> journey(correlationId), j -> j != null && "DONE".equals(j.getString("status")));

        var page = api.as("viewer").get("ops/journey.xhtml?correlationId=" + correlationId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(correlationId.toString())
                .contains("DONE")
                .contains("webstore.CustomerRegistered")
                .contains("marketing.CreateCustomer")
                .contains("CreateCustomerListener")
                .doesNotContain("Something went wrong");

        var bad = api.as("viewer").get("ops/journey.xhtml?correlationId=nonsense");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("A correlation id is a UUID");
        assertThat(api.get("ops/journey.xhtml").status()).isEqualTo(401);
    }

    private JsonObject journey(UUID correlationId) {
        var reply = api.as("viewer").get("api/ops/journeys/" + correlationId);
        return reply.status() == 200 ? reply.json() : null;
    }

    private static List<JsonObject> steps(JsonObject journey) {
        return journey == null ? List.of() : journey.getJsonArray("steps").getValuesAs(JsonObject.class);
    }
}
