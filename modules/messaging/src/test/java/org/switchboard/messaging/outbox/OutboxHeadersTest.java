package org.switchboard.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.messaging.JsonMessages;

/** What the relay sends from the outbox is exactly what the envelope said when the row was written. */
class OutboxHeadersTest {

    @Test
    void headersSurviveTheOutboxWithTheirTypes() {
        var command = new CreateCustomer(
                UUID.randomUUID(),
                Instant.parse("2026-12-01T10:00:00Z"),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "ada@example.org",
                "Ada Lovelace",
                Instant.parse("2026-12-01T09:59:00Z"),
                true);
        var envelope = JsonMessages.envelope(command);

        var stored = OutboxHeaders.fromJson(OutboxHeaders.toJson(envelope.headers()));

        assertThat(stored).containsExactlyEntriesOf(envelope.headers());
        assertThat(stored.get("schemaVersion")).isInstanceOf(Integer.class).isEqualTo(1);
        assertThat(stored.get("messageId")).isEqualTo(command.messageId().toString());
    }
}
