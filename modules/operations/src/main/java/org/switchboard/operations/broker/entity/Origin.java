package org.switchboard.operations.broker.entity;

/**
 * Where a dead letter was going when it failed, as the broker recorded it when it moved it
 * ({@code _AMQ_ORIG_ADDRESS}, {@code _AMQ_ORIG_QUEUE}); null for a message that was never moved.
 */
public record Origin(String originalAddress, String originalQueue) {}
