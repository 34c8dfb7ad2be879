package org.switchboard.brokerconfig;

import java.util.List;

/**
 * One broker of the primary/backup pair (docs/adr/0016-broker-primary-backup-shared-store.md).
 *
 * @param name its name, also the WildFly remote connector's and socket binding's
 * @param host the host name the nodes and the other broker reach it at, the default of
 *     {@code switchboard.<name>.host} where the generated files use it
 * @param port its core acceptor, the default of {@code switchboard.<name>.port}
 * @param role primary or backup
 */
public record Broker(String name, String host, int port, Role role) {

    public enum Role {
        PRIMARY,
        BACKUP
    }

    /** This machine: the launcher runs both brokers on the loopback interface. */
    public static final String LOCAL = "127.0.0.1";

    /** The pair on this machine, in the ports issue 15 reserves for the cluster (61700-61799). */
    public static final List<Broker> PAIR = pair(LOCAL, LOCAL);

    /** The pair with the primary on {@code primaryHost} and the backup on {@code backupHost}, same ports. */
    public static List<Broker> pair(String primaryHost, String backupHost) {
        return List.of(
                new Broker("broker-a", primaryHost, 61716, Role.PRIMARY),
                new Broker("broker-b", backupHost, 61717, Role.BACKUP));
    }

    /** The environment variables' prefix for this broker on the WildFly side, e.g. {@code SWITCHBOARD_BROKER_A}. */
    public String environmentPrefix() {
        return "SWITCHBOARD_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** The system property naming this broker's host, e.g. {@code switchboard.broker-a.host}. */
    public String hostProperty() {
        return "switchboard." + name + ".host";
    }

    /** The system property naming this broker's port, e.g. {@code switchboard.broker-a.port}. */
    public String portProperty() {
        return "switchboard." + name + ".port";
    }

    /** Its core address as an expression both Artemis and WildFly resolve at start, given defaults. */
    String hostExpression() {
        return "${" + hostProperty() + ":" + host + "}";
    }

    String portExpression() {
        return "${" + portProperty() + ":" + port + "}";
    }
}
