package org.switchboard.operations.broker.entity;

import java.time.Instant;
import java.util.Map;

/**
 * Where and when a queue was read: the broker that holds its messages (the active one of a
 * primary/backup pair, or the embedded broker) and which nodes its consumers are.
 *
 * @param broker the broker's name ({@code embedded} in the default mode, {@code broker-a}, … in cluster mode)
 * @param consumersByNode the queue's consumers per node, by node name ({@code node-1}); a consumer
 *     whose node is not known appears under its connection's remote host
 */
public record Seen(String broker, Map<String, Integer> consumersByNode, Instant sampledAt) {

    public Seen {
        consumersByNode = Map.copyOf(consumersByNode);
    }
}
