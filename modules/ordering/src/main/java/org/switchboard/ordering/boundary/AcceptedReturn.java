package org.switchboard.ordering.boundary;

import java.util.UUID;

/** A return Ordering accepted and announced: the order, the return's id, and the return's flow. */
public record AcceptedReturn(UUID orderId, UUID returnId, UUID correlationId) {}
