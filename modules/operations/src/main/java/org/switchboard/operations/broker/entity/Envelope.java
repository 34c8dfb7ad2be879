package org.switchboard.operations.broker.entity;

import java.time.Instant;

/**
 * What a message says about itself: its logical type and schema version, its flow and its own id,
 * and when it was sent ({@code JMSTimestamp}).
 */
public record Envelope(String type, Integer schemaVersion, String correlationId, String messageId, Instant sentAt) {}
