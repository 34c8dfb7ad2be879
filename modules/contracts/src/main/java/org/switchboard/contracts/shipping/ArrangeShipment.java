package org.switchboard.contracts.shipping;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.SagaMessage;

/**
 * Asks Shipping to arrange the shipment of an order. Sent to queue shipping.commands; Shipping arranges once per saga and answers ShipmentArranged or ShipmentFailed on ordering.replies.
 * An order's document (up to 10 MiB) travels by claim check: {@code attachment} refers to it in the
 * claim store, and Shipping fetches and verifies it; null when the order has none.
 *
 * <p>Schema: {@code schema/shipping/ArrangeShipment.v1.schema.json}.
 */
public record ArrangeShipment(
        UUID messageId,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        UUID sagaId,
        UUID orderId,
        UUID customerId,
        boolean express,
        Attachment attachment)
        implements SagaMessage {

    /** A document stored in the claim store: where, and the SHA-256 and size it must have. */
    public record Attachment(UUID claimId, String sha256, long size, String mediaType) {}

    public static final String TYPE = "shipping.ArrangeShipment";
    public static final int VERSION = 1;
}
