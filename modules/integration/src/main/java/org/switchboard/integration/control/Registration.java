package org.switchboard.integration.control;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.Message;
import org.switchboard.contracts.webstore.CustomerRegistered;
import org.switchboard.contracts.webstore.CustomerRegisteredV2;

/**
 * A Web Store registration as the integration context understands it, whichever version of
 * {@code CustomerRegistered} announced it: the tolerant reader's current model. v1 is mapped onto
 * it with what v1 cannot say left unknown (no given/family split, consent not stated), never
 * guessed.
 *
 * @param marketingConsent null when the event did not say (v1)
 */
public record Registration(
        UUID eventId,
        UUID correlationId,
        UUID customerId,
        String email,
        String displayName,
        String givenName,
        String familyName,
        Boolean marketingConsent,
        Instant registeredAt) {

    public static Registration from(Message event) {
        if (event instanceof CustomerRegisteredV2 v2) {
            var name = v2.name();
            return new Registration(
                    v2.messageId(),
                    v2.correlationId(),
                    v2.customerId(),
                    v2.email(),
                    name.family() == null ? name.given() : name.given() + " " + name.family(),
                    name.given(),
                    name.family(),
                    v2.marketingConsent(),
                    v2.registeredAt());
        }
        if (event instanceof CustomerRegistered v1) {
            return new Registration(
                    v1.messageId(),
                    v1.correlationId(),
                    v1.customerId(),
                    v1.email(),
                    v1.fullName(),
                    null,
                    null,
                    null,
                    v1.registeredAt());
        }
        throw new IllegalArgumentException(
                "Not a registration event: " + event.getClass().getName());
    }
}
