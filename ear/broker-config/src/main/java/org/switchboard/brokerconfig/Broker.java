package org.switchboard.brokerconfig;

import java.util.List;

/**
 * One broker of the primary/backup pair (docs/adr/0016-broker-primary-backup-shared-store.md).
 *
 * @param name its name, also the WildFly remote connector's and socket binding's
 * @param port its core acceptor on the loopback interface (or {@code switchboard.broker.host})
 * @param role primary or backup
 */
public record Broker(String name, int port, Role role) {

    public enum Role {
        PRIMARY,
        BACKUP
    }

    /** The pair on this machine, in the ports issue 15 reserves for the cluster (61700-61799). */
    public static final List<Broker> PAIR =
            List.of(new Broker("broker-a", 61716, Role.PRIMARY), new Broker("broker-b", 61717, Role.BACKUP));

    /** The environment variables' prefix for this broker on the WildFly side, e.g. {@code SWITCHBOARD_BROKER_A}. */
    public String environmentPrefix() {
        return "SWITCHBOARD_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /**
     * The system property naming this broker's port, e.g. {@code switchboard.broker-a.port}: on the
     * WildFly side (its remote connector) and on both brokers (the acceptor, the pair's connectors),
     * so that the launcher can move a cluster to other ports.
     */
    public String portProperty() {
        return "switchboard." + name + ".port";
    }

    /** The port as broker.xml writes it, resolved at broker start: {@code ${switchboard.broker-a.port:61716}}. */
    public String portExpression() {
        return "${" + portProperty() + ":" + port + "}";
    }
}
