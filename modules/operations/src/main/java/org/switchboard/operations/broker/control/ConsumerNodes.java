package org.switchboard.operations.broker.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which node each consumer of a broker is, from the broker's list of consumers: each names the
 * remote address of its connection, and {@code switchboard.operations.nodes} (e.g.
 * {@code node-1=10.0.0.11,node-2=10.0.0.12}) says which node connects from which host. Nodes on one
 * machine share a host: the launcher's cluster names them together ({@code node-1+node-2=127.0.0.1}),
 * as the broker cannot tell them apart (their connections follow the brokers' topology, not a source
 * address of their own). In-VM consumers of the embedded broker are this node's. A host no setting
 * names is shown as itself.
 */
final class ConsumerNodes {

    static final String NODES = "switchboard.operations.nodes";

    /** Artemis' listConsumers options: no filter, no sort. */
    private static final String ALL = "{\"field\":\"\",\"operation\":\"\",\"value\":\"\"}";

    /** More consumers than a broker of Switchboard's has (a few per MDB per node). */
    private static final int PAGE = 10_000;

    private final Map<String, String> nodeOfHost;
    private final String self;

    ConsumerNodes(Map<String, String> nodeOfHost, String self) {
        this.nodeOfHost = Map.copyOf(nodeOfHost);
        this.self = self;
    }

    /** From the configuration and this server's node name. */
    static ConsumerNodes configured() {
        var config = ConfigProvider.getConfig();
        var nodes = new HashMap<String, String>();
        for (var entry : config.getOptionalValue(NODES, String.class).orElse("").split(",")) {
            var equals = entry.indexOf('=');
            if (equals > 0) {
                nodes.put(
                        entry.substring(equals + 1).strip(),
                        entry.substring(0, equals).strip());
            }
        }
        return new ConsumerNodes(
                nodes, config.getOptionalValue("jboss.node.name", String.class).orElse("this node"));
    }

    /** Per queue, how many consumers each node has; every queue of the broker that has consumers. */
    Map<String, Map<String, Integer>> byQueue(MBeanServerConnection broker, ObjectName server)
            throws IOException, JMException {
        var json = (String) broker.invoke(server, "listConsumers", new Object[] {ALL, 1, PAGE}, new String[] {
            String.class.getName(), int.class.getName(), int.class.getName()
        });
        var result = new HashMap<String, Map<String, Integer>>();
        try (var reader = Json.createReader(new StringReader(json))) {
            for (var consumer : reader.readObject().getJsonArray("data").getValuesAs(JsonObject.class)) {
                result.computeIfAbsent(consumer.getString("queue", ""), q -> new TreeMap<>())
                        .merge(node(consumer.getString("remoteAddress", "")), 1, Integer::sum);
            }
        }
        return result;
    }

    /** The node behind a connection's remote address ({@code /127.0.0.11:43122}, {@code invm:0}). */
    String node(String remoteAddress) {
        if (remoteAddress.startsWith("invm")) {
            return self;
        }
        var host = remoteAddress.startsWith("/") ? remoteAddress.substring(1) : remoteAddress;
        var colon = host.lastIndexOf(':');
        if (colon > 0) {
            host = host.substring(0, colon);
        }
        return nodeOfHost.getOrDefault(host, host.isEmpty() ? "unknown" : host);
    }
}
