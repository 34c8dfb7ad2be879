package org.switchboard.contracts.marketing;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.Message;

/**
 * Asks Marketing to start keeping a contact for a customer. Marketing decides what "create" means:
 * creating a contact that already exists for the same customer changes nothing.
 *
 * <p>{@code marketingConsent} is null when the source did not say (a v1 {@code CustomerRegistered}
 * carries no consent); Marketing then treats it as not given. It was added to v1 as an optional
 * field (registry version 2), so commands written before it stay valid.
 *
 * <p>Sent to queue {@code marketing.commands}. Schema: {@code schema/marketing/CreateCustomer.v1.schema.json}.
 */
public record CreateCustomer(
        UUID messageId,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        UUID customerId,
        String email,
        String fullName,
        Instant customerSince,
        Boolean marketingConsent)
        implements Message {

    public static final String TYPE = "marketing.CreateCustomer";
    public static final int VERSION = 1;
}
