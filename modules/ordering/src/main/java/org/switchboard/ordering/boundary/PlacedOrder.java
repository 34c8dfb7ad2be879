package org.switchboard.ordering.boundary;

import java.util.UUID;

/** An accepted order: its id, its flow's correlation id, and whether it was accepted by an earlier request with the same key. */
public record PlacedOrder(UUID orderId, UUID correlationId, boolean repeated) {}
