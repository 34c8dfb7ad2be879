package org.switchboard.devserver;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where cluster mode listens on this machine. The defaults are issue 15's ports; system properties
 * move a second cluster next to the first (docs/scale-out.md): {@code switchboard.cluster.broker-ports}
 * (61716,61717), {@code switchboard.cluster.jmx-ports} (17160,17161: each broker's JMX registry, its
 * RMI objects on the port + 2), {@code switchboard.cluster.node-offsets} (300,400) and
 * {@code switchboard.cluster.provider-port} (8391, its admin port the next one).
 *
 * @param brokers broker-a's and broker-b's core acceptors
 * @param jmx broker-a's and broker-b's JMX connectors (RMI registry)
 * @param nodeOffsets each node's port offset, node-1 first
 * @param provider the payment provider's port beside the cluster
 */
public record ClusterPorts(List<Integer> brokers, List<Integer> jmx, List<Integer> nodeOffsets, int provider) {

    /** From the system properties, or the defaults. */
    public static ClusterPorts configured() {
        return new ClusterPorts(
                list("switchboard.cluster.broker-ports", "61716,61717"),
                list("switchboard.cluster.jmx-ports", "17160,17161"),
                list("switchboard.cluster.node-offsets", "300,400"),
                Integer.getInteger("switchboard.cluster.provider-port", 8391));
    }

    /** A broker's JMX service URL, as the nodes' Operations reach it on {@code host}. */
    public String jmxUrl(String host, int broker) {
        return "service:jmx:rmi:///jndi/rmi://" + host + ":" + jmx.get(broker) + "/jmxrmi";
    }

    /** The brokers' ports, for broker.xml and the nodes' remote connectors (ear/broker-config). */
    public Map<String, String> brokerPortProperties() {
        return Map.of(
                "switchboard.broker-a.port", String.valueOf(brokers.get(0)),
                "switchboard.broker-b.port", String.valueOf(brokers.get(1)));
    }

    private static List<Integer> list(String property, String fallback) {
        return Arrays.stream(System.getProperty(property, fallback).split(","))
                .map(String::strip)
                .map(Integer::valueOf)
                .toList();
    }
}
