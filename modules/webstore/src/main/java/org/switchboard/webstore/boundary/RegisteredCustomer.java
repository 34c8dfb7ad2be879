package org.switchboard.webstore.boundary;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.webstore.entity.Customer;

/** A customer as the Web Store shows it, including the correlation id that follows its registration. */
public record RegisteredCustomer(UUID id, String email, String fullName, Instant registeredAt, UUID correlationId) {

    static RegisteredCustomer of(Customer customer) {
        return new RegisteredCustomer(
                customer.id().value(),
                customer.email(),
                customer.fullName(),
                customer.registeredAt(),
                customer.correlationId());
    }
}
