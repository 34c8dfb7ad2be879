package org.switchboard.operations.monitoring.boundary;

import java.time.Instant;
import org.switchboard.operations.monitoring.entity.AlertType;

/**
 * An alert about one dead-letter queue: raised when it stops being empty, repeated as a reminder
 * while it stays so, resolved when it is empty again. All alerts of one incident share its id.
 * Fired as a CDI event, logged, and posted to the alert webhook (this is the webhook's body).
 *
 * @param reason why the first waiting message was dead-lettered: the consumer's
 *     {@code deadLetterReason}, or "redelivery exhausted" when the broker moved it
 * @param originalAddress where that message was sent ({@code _AMQ_ORIG_ADDRESS}), in the OPENED alert
 */
public record DeadLetterAlert(
        String incidentId,
        AlertType type,
        String queue,
        long count,
        String reason,
        String originalAddress,
        Instant incidentStarted,
        Instant at) {}
