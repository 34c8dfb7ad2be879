package org.switchboard.marketing.boundary;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.marketing.entity.Contact;

/** A contact as Marketing shows it. */
public record MarketingContact(
        UUID id,
        UUID customerId,
        String email,
        String fullName,
        Instant customerSince,
        Boolean marketingConsent,
        Instant createdAt,
        UUID correlationId) {

    static MarketingContact of(Contact contact) {
        return new MarketingContact(
                contact.id().value(),
                contact.customerId(),
                contact.email(),
                contact.fullName(),
                contact.customerSince(),
                contact.marketingConsent(),
                contact.createdAt(),
                contact.correlationId());
    }
}
