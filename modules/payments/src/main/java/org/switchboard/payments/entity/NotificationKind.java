package org.switchboard.payments.entity;

import java.util.Optional;

/** What a provider notification tells, by the provider's event type. */
public enum NotificationKind {
    /** A payment that was pending was decided (authorised or declined). */
    SETTLED("payment.settled"),
    /** A paid payment was taken back by the card holder's bank. */
    CHARGED_BACK("payment.charged_back");

    private final String eventType;

    NotificationKind(String eventType) {
        this.eventType = eventType;
    }

    /** The kind of a provider event type; empty for a type Payments does not act on. */
    public static Optional<NotificationKind> ofEventType(String type) {
        for (var kind : values()) {
            if (kind.eventType.equals(type)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
