package org.switchboard.operations.journeys.entity;

import java.time.Instant;

/**
 * Where a message was sent, and when.
 *
 * @param destination the queue or topic, by its JMS name
 * @param subscription the topic subscription that received it, if it went through a topic
 */
public record Sending(String destination, String subscription, Instant sentAt) {}
