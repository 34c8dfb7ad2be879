package org.switchboard.devserver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the parts of cluster mode live on this machine (docs/scale-out.md, "Nodes as separate hosts").
 *
 * <ul>
 *   <li>{@code loopback} (the run command's default): everything on 127.0.0.1. The brokers then see
 *       every node's connections come from the same host, so the dashboard labels their consumers
 *       with all nodes together ({@code node-1+node-2}).
 *   <li>{@code namespaces}: each WildFly node in a Linux network namespace of its own
 *       ({@code sb-node-1}, ...) with its own address ({@code 10.77.0.11}, {@code 10.77.0.12}, ...)
 *       on a bridge ({@code sb-br0}) whose address on this machine ({@code 10.77.0.1}) is where the
 *       brokers, their JMX connectors, PostgreSQL and the payment provider listen: to the brokers
 *       and the database each node is a host of its own, as on real machines. Needs root (or
 *       CAP_NET_ADMIN and CAP_SYS_ADMIN) and iproute2; the namespaces and the bridge are removed
 *       when the cluster stops, and left-overs of a killed run are removed before the start.
 *   <li>{@code auto} (the cluster tests' default): namespaces when this process may make them, else
 *       loopback.
 * </ul>
 *
 * Chosen with {@code -Dswitchboard.cluster.network}; the subnet's first three octets with
 * {@code -Dswitchboard.cluster.subnet} (default {@value #DEFAULT_SUBNET}).
 */
public final class HostNetwork implements AutoCloseable {

    static final String PROPERTY = "switchboard.cluster.network";

    static final String DEFAULT_SUBNET = "10.77.0";

    private static final System.Logger LOG = System.getLogger(HostNetwork.class.getName());

    private static final String BRIDGE = "sb-br0";

    private static final String LOOPBACK = "127.0.0.1";

    private final String subnet;
    private final int nodes;
    private final boolean namespaces;

    private HostNetwork(String subnet, int nodes, boolean namespaces) {
        this.subnet = subnet;
        this.nodes = nodes;
        this.namespaces = namespaces;
    }

    /**
     * The network the system properties ask for, made for {@code nodes} nodes ({@code fallback}: the
     * mode when no property is set).
     */
    public static HostNetwork configured(int nodes, String fallback) throws IOException, InterruptedException {
        var mode = System.getProperty(PROPERTY, fallback).strip().toLowerCase(Locale.ROOT);
        var subnet = System.getProperty("switchboard.cluster.subnet", DEFAULT_SUBNET);
        return switch (mode) {
            case "loopback" -> new HostNetwork(subnet, nodes, false);
            case "namespaces" -> new HostNetwork(subnet, nodes, true).create();
            case "auto" -> {
                if (mayCreateNamespaces()) {
                    yield new HostNetwork(subnet, nodes, true).create();
                }
                LOG.log(
                        System.Logger.Level.INFO,
                        "No network namespaces (not root, or no iproute2): every node on loopback");
                yield new HostNetwork(subnet, nodes, false);
            }
            default -> throw new IllegalArgumentException(PROPERTY + " is loopback, namespaces or auto, not " + mode);
        };
    }

    /** The addresses and commands of a network, without making it (for tests). */
    static HostNetwork planned(String subnet, int nodes, boolean namespaces) {
        return new HostNetwork(subnet, nodes, namespaces);
    }

    /** Whether the nodes are hosts of their own (network namespaces). */
    public boolean separateHosts() {
        return namespaces;
    }

    /** Where the brokers, their JMX connectors, the database and the payment provider listen. */
    public String hubHost() {
        return namespaces ? subnet + ".1" : LOOPBACK;
    }

    /** Node {@code index}'s address (node-1 is 0): WildFly binds it, the brokers see its connections come from it. */
    public String nodeHost(int index) {
        return namespaces ? subnet + "." + (11 + index) : LOOPBACK;
    }

    /** The subnet the database admits the nodes from ({@code 10.77.0.0/24}), or null on loopback. */
    public String nodeSubnet() {
        return namespaces ? subnet + ".0/24" : null;
    }

    /**
     * Which host is which node, for the dashboard's consumers ({@code switchboard.operations.nodes}):
     * in network namespaces each node its own address ({@code node-1=10.77.0.11,node-2=10.77.0.12});
     * on loopback every node connects from 127.0.0.1, so that host is all of them
     * ({@code node-1+node-2=127.0.0.1}).
     */
    public String nodeMapping(int nodeCount) {
        var nodes = java.util.stream.IntStream.range(0, nodeCount);
        if (namespaces) {
            return String.join(
                    ",",
                    nodes.mapToObj(i -> Cluster.nodeName(i) + "=" + nodeHost(i)).toList());
        }
        return String.join("+", nodes.mapToObj(Cluster::nodeName).toList()) + "=" + LOOPBACK;
    }

    /**
     * The brokers' host names (for broker.xml's connectors and the nodes' remote connectors, ear/broker-config):
     * those given ({@code -Dswitchboard.broker-a.host=127.0.0.2}), else the hub's in network
     * namespaces, else none (the generated files' defaults, 127.0.0.1 unless the build was given others).
     */
    public Map<String, String> brokerHosts() {
        var hosts = new LinkedHashMap<String, String>();
        for (var broker : List.of("broker-a", "broker-b")) {
            var property = "switchboard." + broker + ".host";
            if (System.getProperty(property) != null) {
                hosts.put(property, System.getProperty(property));
            } else if (namespaces) {
                hosts.put(property, hubHost());
            }
        }
        return hosts;
    }

    /** In network namespaces the brokers' acceptors bind the hub's address, unless {@code switchboard.broker.bind} says otherwise. */
    public Map<String, String> brokerBind() {
        return namespaces && System.getProperty("switchboard.broker.bind") == null
                ? Map.of("switchboard.broker.bind", hubHost())
                : Map.of();
    }

    /** {@code command} as it runs on node {@code index}: inside its namespace ({@code ip netns exec}, which execs it). */
    public List<String> onNode(int index, List<String> command) {
        if (!namespaces) {
            return command;
        }
        var wrapped = new ArrayList<>(List.of("ip", "netns", "exec", namespace(index)));
        wrapped.addAll(command);
        return wrapped;
    }

    private static String namespace(int index) {
        return "sb-node-" + (index + 1);
    }

    private static String veth(int index) {
        return "sb-n" + (index + 1);
    }

    private static boolean mayCreateNamespaces() {
        if (!"Linux".equals(System.getProperty("os.name"))) {
            return false;
        }
        try {
            var check = new ProcessBuilder("ip", "netns", "add", "sb-probe")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!check.waitFor(10, TimeUnit.SECONDS) || check.exitValue() != 0) {
                return false;
            }
            ip(false, "netns", "del", "sb-probe");
            return true;
        } catch (IOException | InterruptedException noIp) {
            if (noIp instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private HostNetwork create() throws IOException, InterruptedException {
        removeLeftovers();
        try {
            make();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    private void make() throws IOException, InterruptedException {
        ip(true, "link", "add", BRIDGE, "type", "bridge");
        ip(true, "addr", "add", hubHost() + "/24", "dev", BRIDGE);
        ip(true, "link", "set", BRIDGE, "up");
        for (var i = 0; i < nodes; i++) {
            ip(true, "netns", "add", namespace(i));
            ip(true, "link", "add", veth(i), "type", "veth", "peer", "name", "eth0", "netns", namespace(i));
            ip(true, "link", "set", veth(i), "master", BRIDGE, "up");
            ip(true, "-n", namespace(i), "addr", "add", nodeHost(i) + "/24", "dev", "eth0");
            ip(true, "-n", namespace(i), "link", "set", "eth0", "up");
            ip(true, "-n", namespace(i), "link", "set", "lo", "up");
        }
        LOG.log(
                System.Logger.Level.INFO,
                "Network namespaces: {0} on {1}; brokers and database on {2}",
                String.join(
                        ", ",
                        java.util.stream.IntStream.range(0, nodes)
                                .mapToObj(i -> namespace(i) + " " + nodeHost(i))
                                .toList()),
                BRIDGE,
                hubHost());
    }

    /** A killed launcher leaves its namespaces and bridge behind; a new start removes them first. */
    private void removeLeftovers() throws IOException, InterruptedException {
        for (var i = 0; i < Math.max(nodes, 8); i++) {
            ip(false, "netns", "del", namespace(i));
        }
        ip(false, "link", "del", BRIDGE);
    }

    @Override
    public void close() {
        if (!namespaces) {
            return;
        }
        try {
            removeLeftovers();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not remove the cluster's network namespaces", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void ip(boolean mustWork, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add("ip");
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        if (mustWork && process.exitValue() != 0) {
            throw new IOException(
                    String.join(" ", command) + " failed (" + process.exitValue() + "): " + output.strip());
        }
    }
}
