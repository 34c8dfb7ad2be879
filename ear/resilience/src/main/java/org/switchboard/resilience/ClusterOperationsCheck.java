package org.switchboard.resilience;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.switchboard.devserver.Cluster;

/**
 * Operations against the remote brokers (docs/scale-out.md), as an operator sees them on every node:
 * {@code /api/ops/brokers} names the active broker ACTIVE and the other BACKUP; {@code /api/ops/queues}
 * has the queues, each held by the active broker, and Marketing's command queue has consumers
 * labelled with every node's name (that name alone when the nodes are hosts of their own, in network
 * namespaces; on loopback one label names them all, {@code node-1+node-2}); {@code /prometheus} has the queue gauges. Returns what
 * does not hold, one line each (empty: all holds).
 */
final class ClusterOperationsCheck {

    /** A queue every node consumes from (Marketing's CreateCustomerListener). */
    static final String CONSUMED = "jms.queue.marketing.commands";

    private static final String VIEWER =
            "Basic " + Base64.getEncoder().encodeToString("viewer:viewer-demo".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Checks every node in {@code nodes} (node-1 first) while {@code active} serves and {@code backup} waits. */
    static List<String> problems(List<Ports> nodes, boolean separateHosts, String active, String backup)
            throws InterruptedException {
        var check = new ClusterOperationsCheck();
        var problems = new ArrayList<String>();
        for (var i = 0; i < nodes.size(); i++) {
            var node = Cluster.nodeName(i);
            try {
                problems.addAll(check.node(node, nodes.get(i), nodes.size(), separateHosts, active, backup));
            } catch (IOException | RuntimeException e) {
                problems.add(node + ": operations not readable: " + e);
            }
        }
        return problems;
    }

    private List<String> node(
            String node, Ports ports, int nodeCount, boolean separateHosts, String active, String backup)
            throws IOException, InterruptedException {
        var problems = new ArrayList<String>();
        var states = new StringBuilder();
        for (var broker : array(get(ports.http("/api/ops/brokers"), true)).getValuesAs(JsonObject.class)) {
            states.append(broker.getString("name"))
                    .append('=')
                    .append(broker.getString("state"))
                    .append(' ');
        }
        if (!states.toString().contains(active + "=ACTIVE")
                || !states.toString().contains(backup + "=BACKUP")) {
            problems.add(node + ": brokers " + states.toString().strip() + ", expected " + active + " ACTIVE, " + backup
                    + " BACKUP");
        }
        var queues = array(get(ports.http("/api/ops/queues"), true)).getValuesAs(JsonObject.class);
        if (queues.isEmpty()) {
            problems.add(node + ": no queues");
        }
        for (var queue : queues) {
            if (!active.equals(queue.getString("broker", null))) {
                problems.add(node + ": " + queue.getString("queue") + " held by " + queue.getString("broker", null));
            }
        }
        var consumed = queues.stream()
                .filter(q -> CONSUMED.equals(q.getString("queue")))
                .findFirst();
        var byNode = consumed.map(q -> q.getJsonObject("consumersByNode")).orElse(JsonObject.EMPTY_JSON_OBJECT);
        for (var i = 0; i < nodeCount; i++) {
            // Nodes on loopback share a label (node-1+node-2): the brokers see one host. In network
            // namespaces each node's consumers carry its own name and no other.
            var name = Cluster.nodeName(i);
            var consumers = byNode.keySet().stream()
                    .filter(label -> separateHosts
                            ? label.equals(name)
                            : List.of(label.split("\\+")).contains(name))
                    .mapToInt(label -> byNode.getInt(label))
                    .sum();
            if (consumers == 0) {
                problems.add(node + ": no consumer of " + CONSUMED + " labelled " + name + " (" + byNode + ")");
            }
        }
        if (separateHosts && byNode.size() != nodeCount) {
            problems.add(node + ": consumers of " + CONSUMED + " by node " + byNode + ", expected one label per node");
        }
        var metrics = get(URI.create(ports.management().toString().replace("/management", "/prometheus")), false);
        if (!metrics.contains("switchboard_queue_messages{") || !metrics.contains(CONSUMED)) {
            problems.add(node + ": /prometheus has no switchboard_queue_messages gauge for " + CONSUMED);
        }
        return problems;
    }

    /** The consumers of {@link #CONSUMED} by node, as {@code ports}' dashboard shows them (for the report). */
    static String consumersByNode(Ports ports) {
        try {
            var check = new ClusterOperationsCheck();
            return array(check.get(ports.http("/api/ops/queues"), true)).getValuesAs(JsonObject.class).stream()
                    .filter(q -> CONSUMED.equals(q.getString("queue")))
                    .map(q -> String.valueOf(q.getJsonObject("consumersByNode")))
                    .findFirst()
                    .orElse("(no such queue)");
        } catch (IOException | RuntimeException e) {
            return "(not readable: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private String get(URI uri, boolean asViewer) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        if (asViewer) {
            request.header("Authorization", VIEWER).header("Accept", "application/json");
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static JsonArray array(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }
}
