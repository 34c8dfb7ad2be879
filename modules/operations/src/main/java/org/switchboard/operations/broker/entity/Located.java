package org.switchboard.operations.broker.entity;

import java.util.Map;

/** A message found in a queue, as the broker describes it (its properties among the keys). */
public record Located(String queue, Place place, Map<String, Object> message) {}
