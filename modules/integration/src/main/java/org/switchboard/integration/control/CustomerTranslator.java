package org.switchboard.integration.control;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.switchboard.contracts.marketing.CreateCustomer;

/**
 * Maps the Web Store's {@code CustomerRegistered} (v1 or v2) onto Marketing's {@code CreateCustomer}. The
 * command is a new message in the same flow: its own message id, the event's correlation id, and
 * the event's message id as its causation id.
 *
 * <p>The command's id is derived from the event's (a name-based UUID), not random: translating the
 * same event twice, after a replay from the dead-letter queue or a duplicate publish, yields the
 * same command, which Marketing's idempotent consumer then recognises by its message id.
 */
public class CustomerTranslator {

    private final Clock clock;

    public CustomerTranslator() {
        this(Clock.systemUTC());
    }

    public CustomerTranslator(Clock clock) {
        this.clock = clock;
    }

    static UUID commandId(UUID eventId) {
        return UUID.nameUUIDFromBytes((CreateCustomer.TYPE + ":" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    /** Translates either version of the event; see {@link Registration} for how v1 is read. */
    public CreateCustomer toCreateCustomer(org.switchboard.contracts.Message event) {
        return toCreateCustomer(Registration.from(event));
    }

    public CreateCustomer toCreateCustomer(Registration registration) {
        return new CreateCustomer(
                commandId(registration.eventId()),
                clock.instant(),
                registration.correlationId(),
                registration.eventId(),
                registration.customerId(),
                registration.email(),
                registration.displayName(),
                registration.registeredAt(),
                registration.marketingConsent());
    }
}
