package org.switchboard.webstore.boundary;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.webstore.entity.Customer;

/** A customer as the Web Store shows it, including the correlation id that follows its registration. */
public record RegisteredCustomer(
        UUID id,
        String email,
        String givenName,
        String familyName,
        String fullName,
        boolean marketingConsent,
        Instant registeredAt,
        UUID correlationId) {

    static RegisteredCustomer of(Customer customer) {
        return new RegisteredCustomer(
                customer.id().value(),
                customer.email(),
                customer.givenName(),
                customer.familyName(),
                customer.fullName(),
                customer.marketingConsent(),
                customer.registeredAt(),
                customer.correlationId());
    }
}
