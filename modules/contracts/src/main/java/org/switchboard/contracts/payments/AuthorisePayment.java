package org.switchboard.contracts.payments;

import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.SagaMessage;

/**
 * Asks Payments to authorise an order's amount against the customer's own limit. Sent to queue payments.commands; Payments authorises once per saga and answers PaymentAuthorised or PaymentDeclined on ordering.replies.
 *
 * <p>Schema: {@code schema/payments/AuthorisePayment.v1.schema.json}.
 */
public record AuthorisePayment(
        UUID messageId,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        UUID sagaId,
        UUID orderId,
        UUID customerId,
        long amount,
        String currency)
        implements SagaMessage {

    public static final String TYPE = "payments.AuthorisePayment";
    public static final int VERSION = 1;
}
