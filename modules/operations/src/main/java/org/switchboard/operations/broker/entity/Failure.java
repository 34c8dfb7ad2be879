package org.switchboard.operations.broker.entity;

import java.time.Instant;

/**
 * Why a message is a dead letter.
 *
 * @param reason the consumer's {@code deadLetterReason}, or {@link #REDELIVERY_EXHAUSTED} when the
 *     broker moved it after its attempts
 * @param detail the consumer's one-line explanation, if it gave one
 * @param deliveryCount which delivery the consumer refused, if it refused it itself
 * @param deadLetteredAt when the consumer refused it, if it did
 */
public record Failure(String reason, String detail, Integer deliveryCount, Instant deadLetteredAt) {

    /** The reason of a message the broker dead-lettered after its delivery attempts, without a word from a consumer. */
    public static final String REDELIVERY_EXHAUSTED = "REDELIVERY_EXHAUSTED";
}
