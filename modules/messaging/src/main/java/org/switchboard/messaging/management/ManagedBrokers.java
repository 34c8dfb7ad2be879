package org.switchboard.messaging.management;

import java.net.MalformedURLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.management.remote.JMXServiceURL;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The brokers this node manages, from MicroProfile Config:
 *
 * <ul>
 *   <li>{@code switchboard.operations.brokers} unset (the default mode): the embedded broker;
 *   <li>set (cluster mode), e.g. {@code broker-a=service:jmx:rmi:///jndi/rmi://127.0.0.1:17160/jmxrmi,broker-b=…}:
 *       those brokers over JMX, in that order, logging in as {@code switchboard.operations.broker-user}
 *       with {@code switchboard.operations.broker-password} (env {@code SWITCHBOARD_OPERATIONS_BROKER_PASSWORD}).
 * </ul>
 *
 * Read once per deployment: the brokers are part of the node's configuration, not of its state.
 */
public final class ManagedBrokers {

    static final String BROKERS = "switchboard.operations.brokers";
    static final String USER = "switchboard.operations.broker-user";
    static final String PASSWORD = "switchboard.operations.broker-password";

    private static volatile List<ManagedBroker> configured;

    private ManagedBrokers() {}

    /** Every broker this node manages, in configured order. */
    public static List<ManagedBroker> all() {
        var brokers = configured;
        if (brokers == null) {
            synchronized (ManagedBrokers.class) {
                if (configured == null) {
                    var config = ConfigProvider.getConfig();
                    configured = of(
                            config.getOptionalValue(BROKERS, String.class).orElse(""),
                            config.getOptionalValue(USER, String.class).orElse("switchboard-management"),
                            config.getOptionalValue(PASSWORD, String.class).orElse(""));
                }
                brokers = configured;
            }
        }
        return brokers;
    }

    /** The brokers a setting names; the embedded broker when it names none. */
    static List<ManagedBroker> of(String setting, String user, String password) {
        var brokers = new ArrayList<ManagedBroker>();
        for (var entry : setting.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            var equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(BROKERS + ": expected name=service:jmx:…, got " + entry.strip());
            }
            try {
                brokers.add(ManagedBroker.remote(
                        entry.substring(0, equals).strip(),
                        new JMXServiceURL(entry.substring(equals + 1).strip()),
                        user,
                        password));
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(BROKERS + ": not a JMX service URL in " + entry.strip(), e);
            }
        }
        return brokers.isEmpty() ? List.of(ManagedBroker.inProcess()) : List.copyOf(brokers);
    }

    /**
     * The broker that serves clients now: the first active one. In a primary/backup pair only one
     * is, whichever has the journal.
     *
     * @throws IllegalStateException when none is (both down, or a failover under way), naming each one's state
     */
    public static ManagedBroker serving() {
        var states = new ArrayList<String>();
        for (var broker : all()) {
            var state = broker.state();
            if (state == BrokerState.ACTIVE) {
                return broker;
            }
            states.add(broker.name() + " " + state);
        }
        throw new IllegalStateException("No active broker: " + states.stream().collect(Collectors.joining(", ")));
    }
}
