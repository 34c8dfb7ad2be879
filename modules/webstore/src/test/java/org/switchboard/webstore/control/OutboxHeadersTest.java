package org.switchboard.webstore.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.messaging.JsonMessages;

/** What the relay sends from the outbox is exactly what the envelope said when the row was written. */
class OutboxHeadersTest {

    @Test
    void headersSurviveTheOutboxWithTheirTypes() {
        var correlationId = UUID.randomUUID();
        var event = CustomerRegisteredEvents.of(
                UUID.randomUUID(),
                "ada@example.org",
                "Ada",
                "Lovelace",
                true,
                Instant.parse("2026-11-30T06:00:00Z"),
                correlationId,
                2);
        var envelope = JsonMessages.envelope(event);

        var stored = Outbox.headersFromJson(Outbox.headersToJson(envelope.headers()));

        assertThat(stored).containsExactlyEntriesOf(envelope.headers());
        assertThat(stored.get("schemaVersion")).isInstanceOf(Integer.class).isEqualTo(2);
        assertThat(stored.get("messageId")).isEqualTo(event.messageId().toString());
    }
}
