package org.switchboard.devserver;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cluster mode on this machine (docs/adr/0016-broker-primary-backup-shared-store.md, docs/scale-out.md):
 * one PostgreSQL, the payment provider, the primary/backup pair of Artemis brokers on one shared store,
 * and WildFly nodes provisioned with remote-activemq (ear/cluster-server), each with its own node name,
 * port offset, Narayana node identifier and base directory (so its own object store), all running the
 * same switchboard.ear. Started in that order, stopped in the reverse one. The cluster tests kill and
 * restart its parts.
 *
 * @param home where the state lives (databases, the brokers' store, the nodes' base directories, logs)
 */
public final class Cluster implements AutoCloseable {

    /** Where it listens: issue 15's ports unless moved ({@link ClusterPorts}). */
    public static final ClusterPorts PORTS = ClusterPorts.configured();

    /** The nodes' port offsets (HTTP 8380 and 8480, management 10290 and 10390 by default). */
    public static final List<Integer> NODE_OFFSETS = PORTS.nodeOffsets();

    /** The payment provider beside the cluster (8391/8392 by default, not the run command's 8091/8092). */
    static final int PROVIDER_PORT = PORTS.provider();

    static final int PROVIDER_ADMIN_PORT = PROVIDER_PORT + 1;

    private static final String CLUSTER_PASSWORD = "switchboard.broker.cluster.password";

    /** Where the cluster profile left what it built. */
    public record Build(Path server, Path brokers, Path ear, Path paymentProvider) {}

    private final Build build;
    private final Path home;
    private final HostNetwork network;
    private final Database database;
    private final PaymentProvider provider;
    private final Map<String, String> brokerPasswords = BrokerIdentities.generate();

    /** Between the brokers, and the nodes' default factory's (ear/broker-config, RemoteCli). */
    private final String clusterPassword = BrokerIdentities.randomPassword();

    /** The brokers' JMX management user's, for the nodes' Operations (docs/scale-out.md). */
    private final String managementPassword = BrokerIdentities.randomPassword();

    private final List<ArtemisBroker> brokers = new ArrayList<>();
    private final List<WildFly> nodes = new ArrayList<>();
    private int nodeCount;

    private Cluster(Build build, Path home, HostNetwork network, Database database, PaymentProvider provider) {
        this.build = build;
        this.home = home;
        this.network = network;
        this.database = database;
        this.provider = provider;
    }

    /**
     * Starts everything with {@code nodeCount} WildFly nodes; returns once every node answers.
     * {@code network}: where the nodes live when {@code switchboard.cluster.network} does not say
     * ({@link HostNetwork}: loopback, namespaces or auto).
     */
    public static Cluster start(Build build, Path home, boolean keepData, int nodeCount, String network)
            throws Exception {
        var hosts = HostNetwork.configured(nodeCount, network);
        Database database;
        try {
            database = Database.start(home.resolve("postgres"), keepData, hosts.hubHost(), hosts.nodeSubnet());
        } catch (RuntimeException e) {
            hosts.close();
            throw e;
        }
        PaymentProvider provider;
        try {
            provider = PaymentProvider.start(
                    build.paymentProvider(),
                    hosts.hubHost(),
                    PROVIDER_PORT,
                    PROVIDER_ADMIN_PORT,
                    home.resolve("payment-provider.log"),
                    null);
        } catch (IOException | RuntimeException e) {
            database.close();
            hosts.close();
            throw e;
        }
        var cluster = new Cluster(build, home, hosts, database, provider);
        cluster.nodeCount = nodeCount;
        try {
            if (!keepData) {
                WildFly.deleteRecursively(home.resolve("store"));
            }
            cluster.startBrokers();
            // One after the other: two WildFly boots at once on two cores take longer than both in turn.
            for (var i = 0; i < nodeCount; i++) {
                cluster.nodes.add(cluster.startNode(i));
                cluster.awaitNode(i);
            }
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    private void startBrokers() throws Exception {
        var names = List.of("broker-a", "broker-b");
        var ports = PORTS.brokers();
        for (var i = 0; i < names.size(); i++) {
            var properties = new LinkedHashMap<String, String>();
            properties.put("switchboard.broker.store", home.resolve("store").toString());
            properties.put(CLUSTER_PASSWORD, clusterPassword);
            properties.putAll(network.brokerHosts());
            properties.putAll(network.brokerBind());
            properties.putAll(PORTS.brokerPortProperties());
            brokers.add(new ArtemisBroker(
                            names.get(i),
                            build.brokers().resolve(names.get(i)),
                            ports.get(i),
                            home.resolve(names.get(i) + ".log"),
                            properties)
                    .managedOver(network.hubHost(), PORTS.jmx().get(i), managementPassword));
        }
        brokers.get(0).start(brokerPasswords);
        if (!brokers.get(0).awaitActive(Duration.ofMinutes(1))) {
            throw new IllegalStateException("broker-a did not become active: see " + home.resolve("broker-a.log"));
        }
        brokers.get(1).start(brokerPasswords);
        if (!brokers.get(1).awaitBackup(Duration.ofMinutes(1))) {
            throw new IllegalStateException(
                    "broker-b did not announce itself as backup: see " + home.resolve("broker-b.log"));
        }
    }

    private WildFly startNode(int index) throws IOException {
        var name = nodeName(index);
        var properties = new LinkedHashMap<String, String>();
        properties.put("jboss.node.name", name);
        // Narayana tags its XA branches with this id and recovers only its own (max 23 bytes).
        properties.put("switchboard.tx.node-id", "switchboard-" + name);
        // Per-bean invocation counts in the management model: how the competing consumers share the work.
        properties.put("wildfly.statistics-enabled", "true");
        properties.put(PaymentProvider.URL_PROPERTY, provider.url());
        properties.put(PaymentProvider.ADMIN_URL_PROPERTY, provider.adminUrl());
        properties.putAll(network.brokerHosts());
        properties.putAll(PORTS.brokerPortProperties());
        // Operations reads both brokers over JMX (docs/scale-out.md, "Operations against remote brokers").
        properties.put(
                "switchboard.operations.brokers",
                "broker-a=" + PORTS.jmxUrl(network.hubHost(), 0) + ",broker-b=" + PORTS.jmxUrl(network.hubHost(), 1));
        properties.put("switchboard.operations.broker-user", ArtemisBroker.MANAGEMENT_USER);
        properties.put("switchboard.operations.broker-password", managementPassword);
        properties.put("switchboard.operations.nodes", network.nodeMapping(nodeCount));
        // In its namespace the node reaches the database at the bridge's address, not at localhost.
        var databaseSettings = new LinkedHashMap<>(database.settings());
        if (network.separateHosts() && database.embedded()) {
            databaseSettings.put("switchboard.db.host", network.hubHost());
        }
        return WildFly.start(
                build.server(),
                home.resolve(name),
                build.ear(),
                databaseSettings,
                "-Xms256m -Xmx640m -Djava.net.preferIPv4Stack=true",
                ProcessBuilder.Redirect.appendTo(
                        home.resolve(name + "-console.log").toFile()),
                NODE_OFFSETS.get(index),
                brokerPasswords,
                properties,
                network.nodeHost(index),
                command -> network.onNode(index, command));
    }

    private void awaitNode(int index) throws InterruptedException {
        // A node's boot takes 1-2 minutes here, far longer on a machine busy with other builds.
        if (!nodes.get(index)
                .awaitReady(Duration.ofMinutes(Integer.getInteger("switchboard.cluster.boot-minutes", 10)))) {
            throw new IllegalStateException(nodeName(index) + " did not come up: see "
                    + home.resolve(nodeName(index)).resolve("log/server.log"));
        }
    }

    public static String nodeName(int index) {
        return "node-" + (index + 1);
    }

    /** kill -9 of a node's server JVM. */
    public void killNode(int index) throws InterruptedException {
        var node = nodes.get(index);
        node.serverJvm().ifPresent(ProcessHandle::destroyForcibly);
        node.waitFor();
    }

    /** Starts a stopped or killed node again, with its own base directory (its object store), and waits for it. */
    public void restartNode(int index) throws IOException, InterruptedException {
        nodes.set(index, startNode(index));
        awaitNode(index);
    }

    public List<ArtemisBroker> brokers() {
        return List.copyOf(brokers);
    }

    /** The broker that accepts connections now, if any. */
    public ArtemisBroker activeBroker() {
        return brokers.stream().filter(ArtemisBroker::accepts).findFirst().orElse(null);
    }

    /** Starts a killed broker again (it becomes the backup, or takes over again if it is the primary). */
    public void restartBroker(ArtemisBroker broker) throws IOException {
        broker.start(brokerPasswords);
    }

    public Database database() {
        return database;
    }

    /** Node {@code index}'s address: where its HTTP and management ports listen. */
    public String nodeHost(int index) {
        return network.nodeHost(index);
    }

    /** Whether each node is a host of its own (network namespaces, {@link HostNetwork}). */
    public boolean separateHosts() {
        return network.separateHosts();
    }

    public int nodeCount() {
        return nodes.size();
    }

    public boolean nodeAlive(int index) {
        return nodes.get(index).isAlive();
    }

    /** Any part that died on its own (for the launcher's watch). */
    public String deadPart() {
        for (var i = 0; i < nodes.size(); i++) {
            if (!nodes.get(i).isAlive()) {
                return nodeName(i);
            }
        }
        return brokers.stream().noneMatch(ArtemisBroker::isAlive) ? "both brokers" : null;
    }

    /** Stops the nodes, then the backup and the primary (so that the primary's stop fails over to nobody), the provider, the database. */
    @Override
    public void close() {
        for (var node : nodes) {
            try {
                node.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (var i = brokers.size() - 1; i >= 0; i--) {
            brokers.get(i).close();
        }
        provider.close();
        database.close();
        network.close();
    }
}
