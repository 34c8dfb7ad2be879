package org.switchboard.contracts.payments;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.SagaMessage;

/**
 * Payments authorised the saga's amount against the customer's limit. Sent to queue ordering.replies.
 *
 * <p>Schema: {@code schema/payments/PaymentAuthorised.v1.schema.json}.
 */
public record PaymentAuthorised(
        UUID messageId, Instant occurredAt, UUID correlationId, UUID causationId, UUID sagaId, UUID authorisationId)
        implements SagaMessage {

    public static final String TYPE = "payments.PaymentAuthorised";
    public static final int VERSION = 1;
}
