package org.switchboard.integration.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.contracts.webstore.CustomerRegistered;
import org.switchboard.contracts.webstore.CustomerRegisteredV2;
import org.switchboard.contracts.webstore.CustomerRegisteredV2.PersonName;

class CustomerTranslatorTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    final CustomerTranslator translator = new CustomerTranslator(Clock.fixed(NOW, ZoneOffset.UTC));

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

        assertThat(command.messageId()).isNotNull().isNotEqualTo(event.messageId());
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
    void aV1EventSaysNothingAboutConsentSoTheCommandLeavesItOut() {
        assertThat(translator.toCreateCustomer(event).marketingConsent()).isNull();
    }

    @Test
    void readsV2JoiningTheNameAndCarryingConsent() {
        var v2 = v2(new PersonName("Ada", "Lovelace"), true);

        var command = translator.toCreateCustomer(v2);

        assertThat(command.fullName()).isEqualTo("Ada Lovelace");
        assertThat(command.marketingConsent()).isTrue();
        assertThat(command.customerId()).isEqualTo(v2.customerId());
        assertThat(command.causationId()).isEqualTo(v2.messageId());
        assertThat(command.customerSince()).isEqualTo(v2.registeredAt());
    }

    @Test
    void aV2CustomerWithOnlyAGivenNameKeepsThatName() {
        var command = translator.toCreateCustomer(v2(new PersonName("Plato", null), false));

        assertThat(command.fullName()).isEqualTo("Plato");
        assertThat(command.marketingConsent()).isFalse();
    }

    @Test
    void refusesMessagesThatAreNoRegistration() {
        var command = translator.toCreateCustomer(event);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> translator.toCreateCustomer(command))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a registration event");
    }

    static CustomerRegisteredV2 v2(PersonName name, boolean consent) {
        return new CustomerRegisteredV2(
                UUID.randomUUID(),
                Instant.parse("2026-11-22T10:15:00Z"),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "ada@example.org",
                name,
                consent,
                Instant.parse("2026-11-22T10:14:59Z"));
    }

    @Test
    void theSameEventAlwaysBecomesTheSameCommandSoAReplayIsRecognised() {
        var again = new CustomerTranslator(Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));

        assertThat(again.toCreateCustomer(event).messageId())
                .isEqualTo(translator.toCreateCustomer(event).messageId());
    }

    @Test
    void differentEventsBecomeDifferentCommands() {
        var other = new CustomerRegistered(
                UUID.randomUUID(),
                event.occurredAt(),
                event.correlationId(),
                event.causationId(),
                event.customerId(),
                event.email(),
                event.fullName(),
                event.registeredAt());

        assertThat(translator.toCreateCustomer(other).messageId())
                .isNotEqualTo(translator.toCreateCustomer(event).messageId());
    }
}
