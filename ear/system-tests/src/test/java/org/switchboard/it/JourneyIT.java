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

    @Resource(lookup = "java:/jms/queue/DLQ.marketing.commands")
    Queue commandDeadLetters;

    @Test
    void aRegistrationShowsEachHopHandledOnceInOrderAndLinkedByCausation() {
        var correlationId = UUID.randomUUID();
        assertThat(api.register(Api.uniqueEmail("journey"), "Ada", "Lovelace", true, correlationId)
                        .status())
                .isEqualTo(201);

        var journey = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> journey(correlationId),
                        j -> j != null && "DONE".equals(j.getString("status")) && steps(j).size() == 3);
        // Nothing more arrives: one note per committed delivery. Three: Integration's event, the
        // copy of it Ordering keeps (through the divert into ordering.customers), Marketing's command.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> steps(journey(correlationId)).size() == 3);

        var event = handledBy(journey, "CustomerRegisteredListener");
        var copy = handledBy(journey, "CustomerEventsListener");
        var command = handledBy(journey, "CreateCustomerListener");
        assertThat(copy.getString("type")).isEqualTo("webstore.CustomerRegistered");
        assertThat(copy.getString("context")).isEqualTo("ordering");
        assertThat(copy.getString("outcome")).isEqualTo("PROCESSED");
        assertThat(copy.getString("messageId")).isEqualTo(event.getString("messageId"));
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
        assertThat(journey.getJsonArray("summary").toString())
                .contains("processed by marketing/CreateCustomerListener")
                .contains("processed by ordering/CustomerEventsListener");
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
                    .until(() -> journey(correlationId), j -> step(j, "marketing.CreateCustomer", "WAITING") != null);
            var command = step(waiting, "marketing.CreateCustomer", "WAITING");
            assertThat(waiting.getString("status")).isEqualTo("IN_PROGRESS");
            assertThat(command.getString("where")).isEqualTo("marketing.commands");
            assertThat(command.getString("destination")).isEqualTo("marketing.commands");
            assertThat(command.containsKey("handledAt")).as("not handled yet").isFalse();
            assertThat(waiting.getJsonArray("summary").toString()).contains("waiting in marketing.commands");
        } finally {
            Broker.resume(COMMANDS);
        }
        var done = await().atMost(Duration.ofSeconds(30))
                .until(() -> journey(correlationId), j -> "DONE".equals(j.getString("status")));
        assertThat(steps(done))
                .extracting(step -> step.getString("outcome"))
                .containsExactly("PROCESSED", "PROCESSED", "PROCESSED");
    }

    @Test
    void aCommandBehindHundredsOfOthersIsStillFound() {
        var correlationId = UUID.randomUUID();
        var crowd = UUID.randomUUID();
        Broker.pause(COMMANDS);
        try {
            try (var jms = connectionFactory.createContext()) {
                for (var i = 0; i < 250; i++) {
                    jms.createProducer()
                            .send(marketingCommands, JsonMessages.toTextMessage(jms, InvalidMessagesIT.command(crowd)));
                }
                jms.createProducer()
                        .send(
                                marketingCommands,
                                JsonMessages.toTextMessage(jms, InvalidMessagesIT.command(correlationId)));
            }
            var journey = await().atMost(Duration.ofSeconds(30)).until(() -> journey(correlationId), j -> j != null);
            assertThat(journey.getString("status")).isEqualTo("IN_PROGRESS");
            assertThat(steps(journey)).singleElement().satisfies(step -> {
                assertThat(step.getString("outcome")).isEqualTo("WAITING");
                assertThat(step.getString("where")).isEqualTo("marketing.commands");
            });
            assertThat(journey.getJsonArray("partlySearched")).isEmpty();
        } finally {
            Broker.resume(COMMANDS);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> journey(correlationId), j -> j != null && "DONE".equals(j.getString("status")));
    }

    @Test
    void aDuplicateIsNotedAsSuchAndAnUnreadableCommandAsDeadLetteredStuckAndAgainAfterAReplay() throws Exception {
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
        try {
            var journey = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> journey(correlationId),
                            // Two listeners may take the two copies at once: which one is noted first is a race.
                            j -> outcomes(j, command.messageId()).stream()
                                            .sorted()
                                            .toList()
                                            .equals(List.of("DUPLICATE", "PROCESSED"))
                                    && outcomes(j, invalidId).equals(List.of("DEAD_LETTERED", "IN_DEAD_LETTER_QUEUE")));
            assertThat(journey.getString("status")).isEqualTo("STUCK");
            var ofInvalid = steps(journey).stream()
                    .filter(step -> invalidId.toString().equals(step.getString("messageId")))
                    .toList();
            assertThat(ofInvalid).extracting(step -> step.getString("reason")).containsOnly("SCHEMA_VIOLATION");
            // Both name where the command was sent and when, not the dead-letter queue and the move.
            assertThat(ofInvalid)
                    .extracting(step -> step.getString("destination"))
                    .containsOnly("marketing.commands");
            assertThat(ofInvalid.get(0).getString("sentAt"))
                    .isEqualTo(ofInvalid.get(1).getString("sentAt"));
            assertThat(ofInvalid.get(1).getString("where")).isEqualTo("DLQ.marketing.commands");
            assertThat(journey.getJsonArray("summary").toString())
                    .contains("in dead-letter queue DLQ.marketing.commands");

            // Replayed (Artemis' retryMessage), it is still unreadable: dead-lettered again, by
            // its consumer, noted with the queue it was replayed to.
            assertThat(Broker.retry("jms.queue.DLQ.marketing.commands", correlationId))
                    .isTrue();
            var again = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> journey(correlationId),
                            j -> outcomes(j, invalidId)
                                    .equals(List.of("DEAD_LETTERED", "DEAD_LETTERED", "IN_DEAD_LETTER_QUEUE")));
            var notes = steps(again).stream()
                    .filter(step -> invalidId.toString().equals(step.getString("messageId")))
                    .filter(step -> "DEAD_LETTERED".equals(step.getString("outcome")))
                    .toList();
            assertThat(notes).extracting(step -> step.getString("destination")).containsOnly("marketing.commands");
            assertThat(notes).extracting(step -> step.getString("reason")).containsOnly("SCHEMA_VIOLATION");
            assertThat(again.getString("status")).isEqualTo("STUCK");
        } finally {
            drain(commandDeadLetters, correlationId);
        }
    }

    @Test
    void aReplayedMessageBackInItsOwnQueueIsWaitingNotStuck() throws Exception {
        // What a replay leaves in the live queue: the message with the broker's original-address
        // properties (pointing at the dead-letter queue) and the consumer's old reason.
        var correlationId = UUID.randomUUID();
        var command = InvalidMessagesIT.command(correlationId);
        Broker.pause(COMMANDS);
        try {
            try (var jms = connectionFactory.createContext()) {
                var message = JsonMessages.toTextMessage(jms, command);
                message.setStringProperty("_AMQ_ORIG_ADDRESS", "jms.queue.DLQ.marketing.commands");
                message.setStringProperty("_AMQ_ORIG_QUEUE", "jms.queue.DLQ.marketing.commands");
                message.setStringProperty("deadLetterReason", "SCHEMA_VIOLATION");
                jms.createProducer().send(marketingCommands, message);
            }
            var journey = await().atMost(Duration.ofSeconds(30)).until(() -> journey(correlationId), j -> j != null);
            assertThat(journey.getString("status")).isEqualTo("IN_PROGRESS");
            assertThat(outcomes(journey, command.messageId())).containsExactly("WAITING");
            var step = step(journey, "marketing.CreateCustomer", "WAITING");
            assertThat(step.getString("where")).isEqualTo("marketing.commands");
            assertThat(step.getString("destination")).isEqualTo("marketing.commands");
            assertThat(step.containsKey("reason")).isFalse();
        } finally {
            Broker.resume(COMMANDS);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> journey(correlationId), j -> "DONE".equals(j.getString("status")));
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

    private static List<String> outcomes(JsonObject journey, UUID messageId) {
        return steps(journey).stream()
                .filter(step -> messageId.toString().equals(step.getString("messageId", null)))
                .map(step -> step.getString("outcome"))
                .toList();
    }

    private static JsonObject step(JsonObject journey, String type, String outcome) {
        return steps(journey).stream()
                .filter(step -> type.equals(step.getString("type", null)) && outcome.equals(step.getString("outcome")))
                .findFirst()
                .orElse(null);
    }

    private static JsonObject handledBy(JsonObject journey, String consumer) {
        return steps(journey).stream()
                .filter(step -> consumer.equals(step.getString("consumer", null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No step handled by " + consumer + " in " + journey));
    }

    private static List<JsonObject> steps(JsonObject journey) {
        return journey == null ? List.of() : journey.getJsonArray("steps").getValuesAs(JsonObject.class);
    }
}
