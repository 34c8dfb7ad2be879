package org.switchboard.operations.boundary;

import java.time.Instant;
import java.util.Map;

/**
 * A message in a dead-letter queue, as triage shows it: where it came from, why it is here, the
 * flow it belongs to, and its body — with personal data masked unless revealed.
 *
 * @param id the JMS message id in the dead-letter queue
 * @param reason the consumer's {@code deadLetterReason}, or {@code REDELIVERY_EXHAUSTED} when the
 *     broker moved it after its attempts
 * @param properties every JMS property the message carries (its history: original address and
 *     queue, delivery count, ids, the consumer's detail and schema errors)
 */
public record DeadLetter(
        String queue,
        String id,
        String type,
        Integer schemaVersion,
        String correlationId,
        String messageId,
        String originalAddress,
        String originalQueue,
        String reason,
        String detail,
        Instant sentAt,
        Instant deadLetteredAt,
        Integer deliveryCount,
        boolean masked,
        String body,
        Map<String, Object> properties) {}
