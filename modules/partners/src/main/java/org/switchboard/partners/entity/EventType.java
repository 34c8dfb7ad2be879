package org.switchboard.partners.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events a partner can subscribe to, by their public name (the webhook's {@code type}), and
 * the Switchboard message each one comes from. The public names are Partners' published language
 * towards the outside; they do not change when an internal message does.
 */
public enum EventType {
    ORDER_CONFIRMED("order.confirmed", "ordering.OrderConfirmed"),
    ORDER_CANCELLED("order.cancelled", "ordering.OrderCancelled");

    private final String publicName;
    private final String messageType;

    EventType(String publicName, String messageType) {
        this.publicName = publicName;
        this.messageType = messageType;
    }

    public String publicName() {
        return publicName;
    }

    public static Optional<EventType> named(String publicName) {
        return Arrays.stream(values())
                .filter(t -> t.publicName.equals(publicName))
                .findFirst();
    }

    public static Optional<EventType> ofMessage(String messageType) {
        return Arrays.stream(values())
                .filter(t -> t.messageType.equals(messageType))
                .findFirst();
    }
}
