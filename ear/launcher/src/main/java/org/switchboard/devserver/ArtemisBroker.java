package org.switchboard.devserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Apache Artemis broker of cluster mode (docs/adr/0016-broker-primary-backup-shared-store.md),
 * run from an instance the cluster profile created (ear/cluster-server/target/brokers/&lt;name&gt;) with
 * its generated broker.xml. Its users are written at every start (the contexts' fresh passwords);
 * its journal is the pair's shared store, given as {@code switchboard.broker.store}.
 */
public final class ArtemisBroker implements AutoCloseable {

    /** The user the nodes' Operations read the broker as, over its JMX connector (role {@value #MANAGEMENT_ROLE}). */
    public static final String MANAGEMENT_USER = "switchboard-management";

    static final String MANAGEMENT_ROLE = "management";

    private final String name;
    private final Path instance;
    private final int port;
    private final Path console;
    private final Map<String, String> systemProperties;
    private volatile Process process;
    private int jmxPort;
    private String jmxHost = "127.0.0.1";
    private String managementPassword;

    public ArtemisBroker(String name, Path instance, int port, Path console, Map<String, String> systemProperties) {
        this.name = name;
        this.instance = instance;
        this.port = port;
        this.console = console;
        this.systemProperties = Map.copyOf(systemProperties);
    }

    /**
     * Gives the broker a JMX connector on {@code jmxHost} (loopback, or the bridge of the nodes'
     * network namespaces) and {@code jmxPort}, its RMI objects on {@code jmxPort + 2}, that admits
     * only {@link #MANAGEMENT_USER} with this password: the nodes' Operations read and operate the
     * queues through it (docs/scale-out.md).
     */
    public ArtemisBroker managedOver(String jmxHost, int jmxPort, String managementPassword) {
        this.jmxHost = jmxHost;
        this.jmxPort = jmxPort;
        this.managementPassword = managementPassword;
        return this;
    }

    /** Writes the broker users and starts the broker; returns at once (see {@link #awaitActive}, {@link #awaitBackup}). */
    public ArtemisBroker start(Map<String, String> brokerPasswords) throws IOException {
        BrokerIdentities.installForArtemis(instance.resolve("etc"), brokerPasswords);
        allowLocalJmx(instance.resolve("etc/management.xml"));
        if (jmxPort > 0) {
            ManagementConnector.install(instance.resolve("etc"), jmxHost, jmxPort, MANAGEMENT_USER, managementPassword);
        }
        Files.createDirectories(console.getParent());
        var builder = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        // The script execs the JVM, so this process is the broker itself: a kill is a kill.
        builder.environment()
                .put(
                        "JAVA_ARGS",
                        "-Xms64m -Xmx384m -XX:+UseG1GC -Dlog4j2.disableJmx=true -Djava.net.preferIPv4Stack=true "
                                // The JMX connector's RMI stubs name this host, not the machine's name.
                                + "-Djava.rmi.server.hostname=" + jmxHost + " "
                                + "--add-opens java.base/jdk.internal.misc=ALL-UNNAMED");
        var append = new StringBuilder();
        systemProperties.forEach(
                (k, v) -> append.append(" -D").append(k).append('=').append(v));
        builder.environment().put("JAVA_ARGS_APPEND", append.toString().strip());
        process = builder.start();
        return this;
    }

    /**
     * The broker's MBeans without Artemis' role check: the instance has no JMX connector
     * (management.xml), so only a process of the same user on this machine can reach them, through
     * the attach API (the cluster tests read queue depths and prepared transactions that way).
     */
    private static void allowLocalJmx(Path management) throws IOException {
        var xml = Files.readString(management);
        var hawtio = "<entry domain=\"hawtio\"/>";
        var artemis = "<entry domain=\"org.apache.activemq.artemis\"/>";
        if (!xml.contains(artemis) && xml.contains(hawtio)) {
            Files.writeString(management, xml.replace(hawtio, hawtio + "\n         " + artemis));
        }
    }

    /** True once this broker accepts connections (it is the active one); false if it died or time ran out. */
    public boolean awaitActive(Duration timeout) throws InterruptedException {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (isAlive() && System.nanoTime() < deadline) {
            if (accepts()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return false;
    }

    /** True once this broker announced itself as the backup of the active one (AMQ221031). */
    public boolean awaitBackup(Duration timeout) throws InterruptedException, IOException {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(console) && Files.readString(console).contains("AMQ221031")) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return false;
    }

    /** Whether something accepts connections on this broker's port: only the active broker of the pair does. */
    public boolean accepts() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), port), 300);
            return true;
        } catch (IOException notListening) {
            return false;
        }
    }

    public boolean isAlive() {
        var p = process;
        return p != null && p.isAlive();
    }

    public String name() {
        return name;
    }

    /** Where it listens: its host name if the launcher was given one, else this machine. */
    public String host() {
        return systemProperties.getOrDefault("switchboard." + name + ".host", "127.0.0.1");
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown, no failover message to the clients; the backup finds the store's lock free. */
    public void kill() throws InterruptedException {
        var p = process;
        if (p != null) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A clean stop (SIGTERM: Artemis' shutdown hook stops the broker). */
    @Override
    public void close() {
        var p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
