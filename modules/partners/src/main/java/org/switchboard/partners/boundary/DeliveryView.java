package org.switchboard.partners.boundary;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.partners.control.DeliveryTable;
import org.switchboard.partners.entity.DeliveryState;

/** A webhook delivery as operators see it: which event to which endpoint, and how far it got. */
public record DeliveryView(
        long id, UUID endpointId, UUID eventId, String eventType, DeliveryState state, DeliveryProgress progress) {

    /** Attempts made, when the next is due, the last error, when it was delivered. */
    public record DeliveryProgress(int attempts, Instant nextAttemptAt, String lastError, Instant deliveredAt) {}

    static DeliveryView of(DeliveryTable.Row row) {
        var progress = row.progress();
        return new DeliveryView(
                row.id(),
                row.endpointId(),
                row.eventId(),
                row.eventType(),
                row.state(),
                new DeliveryProgress(
                        progress.attempts(), progress.nextAttemptAt(), progress.lastError(), progress.deliveredAt()));
    }
}
