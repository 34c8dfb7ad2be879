package org.switchboard.integration.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.contracts.webstore.CustomerRegistered;

class CustomerTranslatorTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    static final UUID COMMAND_ID = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    final CustomerTranslator translator = new CustomerTranslator(Clock.fixed(NOW, ZoneOffset.UTC), () -> COMMAND_ID);

    final CustomerRegistered event = new CustomerRegistered(
            UUID.randomUUID(),
            Instant.parse("2026-11-22T10:15:00Z"),
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            "ada@example.org",
            "Ada Lovelace",
            Instant.parse("2026-11-22T10:14:59Z"));

    @Test
    void commandIsANewMessageOfTheSameFlowCausedByTheEvent() {
        var command = translator.toCreateCustomer(event);

        assertThat(command.messageId()).isEqualTo(COMMAND_ID).isNotEqualTo(event.messageId());
        assertThat(command.correlationId()).isEqualTo(event.correlationId());
        assertThat(command.causationId()).isEqualTo(event.messageId());
        assertThat(command.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void carriesTheCustomersStateOver() {
        var command = translator.toCreateCustomer(event);

        assertThat(command.customerId()).isEqualTo(event.customerId());
        assertThat(command.email()).isEqualTo("ada@example.org");
        assertThat(command.fullName()).isEqualTo("Ada Lovelace");
        assertThat(command.customerSince()).isEqualTo(event.registeredAt());
    }

    @Test
    void everyCommandGetsItsOwnMessageId() {
        var real = new CustomerTranslator();

        assertThat(real.toCreateCustomer(event).messageId())
                .isNotEqualTo(real.toCreateCustomer(event).messageId());
    }
}
