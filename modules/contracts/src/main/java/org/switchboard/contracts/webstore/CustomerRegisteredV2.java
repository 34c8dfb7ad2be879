package org.switchboard.contracts.webstore;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.Message;

/**
 * Version 2 of {@link CustomerRegistered}: the same fact, with the name split into given and family
 * name and the customer's marketing consent. The logical type is unchanged; the JMS property
 * {@code schemaVersion} says 2.
 *
 * <p>Published on topic {@code webstore.events} when the Web Store publishes v2 (its default).
 * Schema: {@code schema/webstore/CustomerRegistered.v2.schema.json}.
 */
public record CustomerRegisteredV2(
        UUID messageId,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        UUID customerId,
        String email,
        PersonName name,
        boolean marketingConsent,
        Instant registeredAt)
        implements Message {

    public static final String TYPE = CustomerRegistered.TYPE;
    public static final int VERSION = 2;

    /** A person's name as entered: a given name, and a family name that some people do not have (null). */
    public record PersonName(String given, String family) {}
}
