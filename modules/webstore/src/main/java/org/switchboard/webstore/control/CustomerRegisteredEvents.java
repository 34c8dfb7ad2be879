package org.switchboard.webstore.control;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.Message;
import org.switchboard.contracts.webstore.CustomerRegistered;
import org.switchboard.contracts.webstore.CustomerRegisteredV2;
import org.switchboard.ids.Ids;
import org.switchboard.webstore.entity.Customer;

/**
 * Builds the {@code CustomerRegistered} event for a new customer, in the major version asked for.
 * This is the Web Store's message-building code that consumer contracts are verified against.
 */
public final class CustomerRegisteredEvents {

    private CustomerRegisteredEvents() {}

    public static Message of(Customer customer, int version) {
        return of(
                customer.id().value(),
                customer.email(),
                customer.givenName(),
                customer.familyName(),
                customer.marketingConsent(),
                customer.registeredAt(),
                customer.correlationId(),
                version);
    }

    /**
     * The registration is the first step of its flow: the request that caused it has the flow's
     * correlation id, so causation id and correlation id are the same.
     */
    public static Message of(
            UUID customerId,
            String email,
            String givenName,
            String familyName,
            boolean marketingConsent,
            Instant registeredAt,
            UUID correlationId,
            int version) {
        var messageId = Ids.next();
        var now = Instant.now();
        return switch (version) {
            case CustomerRegistered.VERSION ->
                new CustomerRegistered(
                        messageId,
                        now,
                        correlationId,
                        correlationId,
                        customerId,
                        email,
                        familyName == null ? givenName : givenName + " " + familyName,
                        registeredAt);
            case CustomerRegisteredV2.VERSION ->
                new CustomerRegisteredV2(
                        messageId,
                        now,
                        correlationId,
                        correlationId,
                        customerId,
                        email,
                        new CustomerRegisteredV2.PersonName(givenName, familyName),
                        marketingConsent,
                        registeredAt);
            default ->
                throw new IllegalArgumentException("The Web Store publishes CustomerRegistered v"
                        + CustomerRegistered.VERSION + " or v" + CustomerRegisteredV2.VERSION + ", not v" + version);
        };
    }
}
