package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.messaging.Headers;
import org.switchboard.messaging.JsonMessages;

/**
 * Messages a consumer can never read skip the retries: they land in their destination's DLQ on the
 * first delivery, with the reason attached, and the messages behind them keep flowing.
 */
class InvalidMessagesIT extends InContainerTest {

    static final String COMMANDS = "jms.queue.marketing.commands";

    @Resource(lookup = "java:/jms/queue/marketing.commands")
    Queue marketingCommands;

    @Resource(lookup = "java:/jms/queue/DLQ.marketing.commands")
    Queue commandDeadLetters;

    @Resource(lookup = "java:/jms/topic/webstore.events")
    Topic webstoreEvents;

    @Resource(lookup = "java:/jms/queue/DLQ.webstore.events")
    Queue eventDeadLetters;

    @Test
    void aSchemaInvalidCommandIsDeadLetteredOnItsFirstDeliveryWhileValidOnesKeepFlowing() throws Exception {
        var correlationId = UUID.randomUUID();
        var valid = command(correlationId);
        var invalidId = UUID.randomUUID();
        var invalidBody = JsonMessages.toJson(command(correlationId))
                .replaceFirst("\"email\":\"[^\"]*\"", "\"email\":42")
                .replaceFirst(",?\"customerSince\":\"[^\"]*\"", "")
                .replaceFirst("\"messageId\":\"[^\"]*\"", "\"messageId\":\"" + invalidId + "\"");
        var killedBefore = Broker.messagesKilled(COMMANDS);

        try (var jms = connectionFactory.createContext()) {
            jms.createProducer()
                    .send(
                            marketingCommands,
                            raw(jms, "marketing.CreateCustomer", 1, invalidId, correlationId, invalidBody));
            jms.createProducer().send(marketingCommands, JsonMessages.toTextMessage(jms, valid));
        }

        var deadLetter = await().atMost(Duration.ofSeconds(10))
                .until(() -> firstOf(commandDeadLetters, correlationId), m -> m != null);
        assertThat(deadLetter.getStringProperty(Headers.DEAD_LETTER_REASON)).isEqualTo("SCHEMA_VIOLATION");
        assertThat(deadLetter.getIntProperty(Headers.DEAD_LETTER_DELIVERY_COUNT))
                .as("dead-lettered on the first delivery")
                .isEqualTo(1);
        assertThat(deadLetter.getStringProperty(Headers.DEAD_LETTER_ERRORS))
                .contains("\"field\":\"email\"")
                .contains("\"field\":\"customerSince\"");
        assertThat(deadLetter.getStringProperty(Headers.DEAD_LETTER_DETAIL)).contains("marketing.CreateCustomer v1");
        assertThat(deadLetter.getStringProperty(Headers.DEAD_LETTER_CONSUMER)).contains("CreateCustomerListener");
        assertThat(deadLetter.getStringProperty(Headers.ORIGINAL_ADDRESS)).isEqualTo(COMMANDS);
        assertThat(deadLetter.getStringProperty(Headers.MESSAGE_ID)).isEqualTo(invalidId.toString());
        assertThat(((TextMessage) deadLetter).getText()).as("body kept as sent").isEqualTo(invalidBody);
        assertThat(deadLetter.getJMSType()).isEqualTo("marketing.CreateCustomer");

        await().atMost(Duration.ofSeconds(30)).until(() -> tables.contactsOfCustomer(valid.customerId()) == 1);
        assertThat(tables.processedMessages(invalidId)).isZero();
        assertThat(Broker.messagesKilled(COMMANDS))
                .as("not dead-lettered by the broker after exhausting retries")
                .isEqualTo(killedBefore);
        drain(commandDeadLetters, correlationId);
    }

    @Test
    void everyKindOfUnreadableCommandGetsItsOwnReason() throws Exception {
        var cases = new java.util.LinkedHashMap<String, java.util.function.Function<JMSContext, Message>>();
        cases.put("UNKNOWN_TYPE", jms -> raw(jms, "marketing.DeleteEverything", 1, UUID.randomUUID(), null, "{}"));
        cases.put("UNSUPPORTED_VERSION", jms -> {
            var command = command(null);
            return raw(jms, CreateCustomer.TYPE, 9, command.messageId(), null, JsonMessages.toJson(command));
        });
        cases.put("MALFORMED_JSON", jms -> raw(jms, CreateCustomer.TYPE, 1, UUID.randomUUID(), null, "{\"email\": "));
        cases.put("NOT_TEXT", jms -> {
            var bytes = jms.createBytesMessage();
            try {
                bytes.writeBytes("{\"not\":\"text\"}".getBytes(StandardCharsets.UTF_8));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
            return bytes;
        });
        cases.put("INVALID_HEADERS", jms -> {
            var command = command(null);
            // The headers name another message id than the body.
            return raw(jms, CreateCustomer.TYPE, 1, UUID.randomUUID(), null, JsonMessages.toJson(command));
        });

        for (var kind : cases.entrySet()) {
            var correlationId = UUID.randomUUID();
            try (var jms = connectionFactory.createContext()) {
                var message = kind.getValue().apply(jms);
                message.setJMSCorrelationID(correlationId.toString());
                jms.createProducer().send(marketingCommands, message);
            }
            var deadLetter = await().atMost(Duration.ofSeconds(10))
                    .until(() -> firstOf(commandDeadLetters, correlationId), m -> m != null);
            assertThat(deadLetter.getStringProperty(Headers.DEAD_LETTER_REASON))
                    .as(kind.getKey())
                    .isEqualTo(kind.getKey());
            assertThat(deadLetter.getIntProperty(Headers.DEAD_LETTER_DELIVERY_COUNT))
                    .as(kind.getKey())
                    .isEqualTo(1);
            assertThat(deadLetter.getStringProperty(Headers.DEAD_LETTER_DETAIL))
                    .as(kind.getKey())
                    .isNotBlank();
            drain(commandDeadLetters, correlationId);
        }
    }

    @Test
    void anEventOfAnUnsupportedVersionIsDeadLetteredFromItsSubscription() throws Exception {
        var correlationId = UUID.randomUUID();
        var body = "{\"messageId\":\"%s\",\"future\":true}";
        var messageId = UUID.randomUUID();
        try (var jms = connectionFactory.createContext()) {
            jms.createProducer()
                    .send(
                            webstoreEvents,
                            raw(
                                    jms,
                                    "webstore.CustomerRegistered",
                                    3,
                                    messageId,
                                    correlationId,
                                    body.formatted(messageId)));
        }

        var deadLetter = await().atMost(Duration.ofSeconds(10))
                .until(() -> firstOf(eventDeadLetters, correlationId), m -> m != null);
        assertThat(deadLetter.getStringProperty(Headers.DEAD_LETTER_REASON)).isEqualTo("UNSUPPORTED_VERSION");
        assertThat(deadLetter.getStringProperty(Headers.DEAD_LETTER_DETAIL))
                .contains("webstore.CustomerRegistered v1")
                .contains("webstore.CustomerRegistered v2");
        assertThat(deadLetter.getStringProperty(Headers.ORIGINAL_QUEUE)).isEqualTo("integration");
        assertThat(deadLetter.getStringProperty(Headers.ORIGINAL_ADDRESS)).isEqualTo("jms.topic.webstore.events");
        assertThat(deadLetter.getIntProperty(Headers.DEAD_LETTER_DELIVERY_COUNT))
                .isEqualTo(1);
        assertThat(tables.contactsOfFlow(correlationId)).isZero();
        drain(eventDeadLetters, correlationId);
    }

    static CreateCustomer command(UUID correlationId) {
        return new CreateCustomer(
                UUID.randomUUID(),
                Instant.now(),
                correlationId != null ? correlationId : UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Api.uniqueEmail("invalid-test"),
                "Valid Customer",
                Instant.now(),
                false);
    }

    /** A message as any producer could send it, bypassing the egress check. */
    static TextMessage raw(JMSContext jms, String type, int version, UUID messageId, UUID correlationId, String body) {
        try {
            var message = jms.createTextMessage(body);
            var correlation = correlationId != null ? correlationId : UUID.randomUUID();
            message.setJMSType(type);
            message.setIntProperty(Headers.SCHEMA_VERSION, version);
            message.setStringProperty(Headers.MESSAGE_ID, messageId.toString());
            message.setStringProperty(Headers.CORRELATION_ID, correlation.toString());
            message.setStringProperty(Headers.CAUSATION_ID, correlation.toString());
            message.setJMSCorrelationID(correlation.toString());
            return message;
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
