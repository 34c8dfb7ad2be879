package org.switchboard.operations.journeys.entity;

/**
 * The message a journey step is about.
 *
 * @param messageId the message's own {@code messageId}
 * @param causationId the message that caused it, when known
 */
public record JourneyMessage(String messageId, String type, Integer schemaVersion, String causationId) {}
