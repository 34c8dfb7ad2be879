package org.switchboard.messaging.management;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * One broker and the connection to its MBeans: the server's own MBean server for the embedded
 * broker, a JMX connector for a remote one. A remote connection is opened when first needed and
 * dropped when a call on it fails, so a broker that dies and comes back is found again; while it
 * is down, a new attempt is made at most every {@link #RETRY} (a refused connection on the loopback
 * fails at once, a host that does not answer would cost a timeout per attempt).
 */
public final class ManagedBroker {

    static final String DOMAIN = "org.apache.activemq.artemis";

    /** How long a failed connection attempt keeps the broker DOWN before the next one. */
    static final Duration RETRY = Duration.ofSeconds(3);

    private final String name;
    private final JMXServiceURL url;
    private final Map<String, ?> environment;
    private JMXConnector connector;
    private MBeanServerConnection connection;
    private long failedAt;

    private ManagedBroker(String name, JMXServiceURL url, Map<String, ?> environment) {
        this.name = name;
        this.url = url;
        this.environment = environment;
    }

    /** The broker embedded in this server, read in-process (the default mode). */
    static ManagedBroker inProcess() {
        return new ManagedBroker("embedded", null, Map.of());
    }

    /** A remote broker's JMX connector, with the management user's credentials. */
    static ManagedBroker remote(String name, JMXServiceURL url, String user, String password) {
        return new ManagedBroker(name, url, Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }

    /** How operators know it: its name in {@code switchboard.operations.brokers}, or "embedded". */
    public String name() {
        return name;
    }

    /** Where its management is reached: the JMX service URL, or "in-process". */
    public String endpoint() {
        return url == null ? "in-process" : url.toString();
    }

    public boolean embedded() {
        return url == null;
    }

    /**
     * Asks the broker now. A shared-store backup runs its management before it has the journal: it
     * answers, but registers no broker MBean until it takes over (or reports itself as backup).
     */
    public synchronized BrokerState state() {
        try {
            var mbeans = connection();
            var servers = mbeans.queryNames(new ObjectName(DOMAIN + ":broker=*"), null);
            if (servers.isEmpty()) {
                return embedded() ? BrokerState.DOWN : BrokerState.BACKUP;
            }
            var server = servers.iterator().next();
            var active = Boolean.TRUE.equals(mbeans.getAttribute(server, "Active"));
            var backup = Boolean.TRUE.equals(mbeans.getAttribute(server, "Backup"));
            return active && !backup ? BrokerState.ACTIVE : BrokerState.BACKUP;
        } catch (IOException e) {
            lost(e);
            return BrokerState.DOWN;
        } catch (JMException e) {
            return BrokerState.DOWN;
        }
    }

    /**
     * Its MBeans, connecting first if needed.
     *
     * @throws IOException when it cannot be reached (or was not, a moment ago)
     */
    public synchronized MBeanServerConnection connection() throws IOException {
        if (url == null) {
            return ManagementFactory.getPlatformMBeanServer();
        }
        if (connection != null) {
            return connection;
        }
        if (System.currentTimeMillis() - failedAt < RETRY.toMillis()) {
            throw new IOException(name + " was not reachable a moment ago");
        }
        try {
            connector = JMXConnectorFactory.connect(url, environment);
            connection = connector.getMBeanServerConnection();
            return connection;
        } catch (IOException | RuntimeException e) {
            failedAt = System.currentTimeMillis();
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    /** The broker's own MBean ({@code ActiveMQServerControl}), named after the broker's configured name. */
    public ObjectName server() throws IOException {
        try {
            var servers = connection().queryNames(new ObjectName(DOMAIN + ":broker=*"), null);
            if (servers.isEmpty()) {
                throw new IOException(name + " has no active broker");
            }
            return servers.iterator().next();
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A call on the connection failed: drop it, the next call connects again. */
    public synchronized void lost(IOException cause) {
        if (url == null) {
            return;
        }
        failedAt = System.currentTimeMillis();
        connection = null;
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException | RuntimeException alreadyGone) {
                // The broker went away; nothing to close on our side that matters.
            }
            connector = null;
        }
    }

    @Override
    public String toString() {
        return name + " (" + endpoint() + ")";
    }
}
