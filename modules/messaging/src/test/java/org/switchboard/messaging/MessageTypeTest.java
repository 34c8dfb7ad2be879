package org.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.contracts.Message;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.contracts.webstore.CustomerRegistered;

class MessageTypeTest {

    @Test
    void readsLogicalTypeAndVersionFromTheContract() {
        assertThat(MessageType.of(CustomerRegistered.class))
                .isEqualTo(new MessageType("webstore.CustomerRegistered", 1));
        assertThat(MessageType.of(CreateCustomer.class)).isEqualTo(new MessageType("marketing.CreateCustomer", 1));
    }

    record NotAContract(UUID messageId, Instant occurredAt, UUID correlationId, UUID causationId) implements Message {}

    @Test
    void refusesARecordWithoutTypeAndVersion() {
        assertThatThrownBy(() -> MessageType.of(NotAContract.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TYPE and VERSION");
    }

    @Test
    void contractsSurviveAJsonRoundTrip() {
        var event = new CustomerRegistered(
                UUID.randomUUID(),
                Instant.parse("2026-11-22T10:15:30.125Z"),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "ada@example.org",
                "Ada Lovelace",
                Instant.parse("2026-11-22T10:15:30Z"));

        var json = JsonMessages.toJson(event);

        assertThat(json)
                .contains("\"email\":\"ada@example.org\"")
                .contains("\"occurredAt\":\"2026-11-22T10:15:30.125Z\"");
        assertThat(JsonMessages.fromJson(json, CustomerRegistered.class)).isEqualTo(event);
    }

    @Test
    void aBodyThatDoesNotParseIsUnreadable() {
        assertThatThrownBy(() -> JsonMessages.fromJson("{\"email\": ", CustomerRegistered.class))
                .isInstanceOf(UnreadableMessageException.class);
    }
}
