package org.switchboard.contracts.webstore;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.Message;

/**
 * A visitor completed registration in the Web Store and is now a customer. Carries the customer's
 * full state at registration so no consumer has to call the Web Store back.
 *
 * <p>Deprecated in favour of {@link CustomerRegisteredV2}; the Web Store still publishes it when
 * configured to, and consumers read both until v1 is retired (see docs/messaging-integration.md).
 *
 * <p>Published on topic {@code webstore.events}. Schema: {@code schema/webstore/CustomerRegistered.v1.schema.json}.
 */
public record CustomerRegistered(
        UUID messageId,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        UUID customerId,
        String email,
        String fullName,
        Instant registeredAt)
        implements Message {

    public static final String TYPE = "webstore.CustomerRegistered";
    public static final int VERSION = 1;
}
