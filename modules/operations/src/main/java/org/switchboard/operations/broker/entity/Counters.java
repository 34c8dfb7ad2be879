package org.switchboard.operations.broker.entity;

/** A queue's counters since the broker started: messages added, acknowledged, and killed (dead-lettered or expired). */
public record Counters(long messagesAdded, long messagesAcknowledged, long messagesKilled) {}
