package org.switchboard.integration.control;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.contracts.webstore.CustomerRegistered;

/**
 * Maps the Web Store's {@code CustomerRegistered} onto Marketing's {@code CreateCustomer}. The
 * command is a new message in the same flow: a new message id, the event's correlation id, and the
 * event's message id as its causation id.
 */
public class CustomerTranslator {

    private final Clock clock;
    private final Supplier<UUID> ids;

    public CustomerTranslator() {
        this(Clock.systemUTC(), UUID::randomUUID);
    }

    public CustomerTranslator(Clock clock, Supplier<UUID> ids) {
        this.clock = clock;
        this.ids = ids;
    }

    public CreateCustomer toCreateCustomer(CustomerRegistered event) {
        return new CreateCustomer(
                ids.get(),
                clock.instant(),
                event.correlationId(),
                event.messageId(),
                event.customerId(),
                event.email(),
                event.fullName(),
                event.registeredAt());
    }
}
