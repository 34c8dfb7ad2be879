package org.switchboard.operations.monitoring.boundary;

import java.time.Instant;
import org.switchboard.operations.monitoring.entity.AlertType;
import org.switchboard.operations.monitoring.entity.IncidentKind;

/**
 * An alert about one incident: raised when it opens (a dead-letter queue stops being empty, the
 * database stops answering, a transaction is in doubt), repeated as a reminder while it lasts,
 * resolved when it is over. All alerts of one incident share its id. Fired as a CDI event, logged,
 * and posted to the alert webhook (this is the webhook's body).
 *
 * @param queue the dead-letter queue; null for the other kinds
 * @param count messages in the queue, transactions in doubt, 1 for the database down (0 when resolved)
 * @param reason why the first waiting message was dead-lettered (the consumer's
 *     {@code deadLetterReason}, or MOVED_BY_BROKER or SENT_DIRECTLY when none gave one); what the
 *     database answered; which transactions are in doubt
 * @param originalAddress where that message was sent ({@code _AMQ_ORIG_ADDRESS}), in the OPENED alert
 */
public record Alert(
        String incidentId,
        IncidentKind kind,
        AlertType type,
        String queue,
        long count,
        String reason,
        String originalAddress,
        Instant incidentStarted,
        Instant at) {}
