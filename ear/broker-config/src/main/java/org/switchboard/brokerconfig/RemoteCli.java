package org.switchboard.brokerconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the WildFly side of cluster mode: a server provisioned with {@code remote-activemq} (no
 * broker of its own) gets the contexts' connection factories, under the same names, JNDI entries and
 * identities as the embedded default, connected to the broker pair; and every JMS destination bound
 * under the JNDI names the code looks up, as external destinations on the brokers' addresses.
 */
public final class RemoteCli {

    private static final String MESSAGING = "/subsystem=messaging-activemq";

    private RemoteCli() {}

    private static String hostExpression(Broker broker) {
        return "${" + broker.hostProperty() + ",env." + broker.environmentPrefix() + "_HOST:" + broker.host() + "}";
    }

    private static String portExpression(Broker broker) {
        return "${" + broker.portProperty() + ",env." + broker.environmentPrefix() + "_PORT:" + broker.port() + "}";
    }

    public static String messaging(MessagingDeclarations declarations, List<Broker> brokers) {
        var cli = new StringBuilder("""
                # Generated from jms-config/messaging.cli by ear/broker-config (org.switchboard.brokerconfig): do not edit.
                # WildFly with remote-activemq against the broker pair of docs/adr/0016-broker-primary-backup-shared-store.md.
                # Brokers' hosts and ports resolve at server start: switchboard.broker-a.host / SWITCHBOARD_BROKER_A_HOST,
                # switchboard.broker-a.port / SWITCHBOARD_BROKER_A_PORT, the same for broker-b (defaults: the host
                # names given to the generator, switchboard.broker-a.host and switchboard.broker-b.host, else this machine).

                """);
        var connectors = brokers.stream().map(Broker::name).collect(Collectors.joining(", ", "[", "]"));
        for (var broker : brokers) {
            cli.append("/socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=")
                    .append(broker.name())
                    .append(":add(host=\"")
                    .append(hostExpression(broker))
                    .append("\", port=\"")
                    .append(portExpression(broker))
                    .append("\")\n");
            cli.append(MESSAGING)
                    .append("/remote-connector=")
                    .append(broker.name())
                    .append(":add(socket-binding=")
                    .append(broker.name())
                    .append(")\n");
        }
        cli.append("""

                # Whom Operations' recovery scan asks for the brokers' prepared branches, in order, so that
                # Narayana can finish a transaction killed in its commit phase (docs/scale-out.md,
                # "Recovery against the remote broker"). The same host and port expressions as above.
                """);
        cli.append("/system-property=switchboard.recovery.brokers:add(value=\"")
                .append(brokers.stream()
                        .map(broker -> "tcp://" + hostExpression(broker) + ":" + portExpression(broker))
                        .collect(Collectors.joining(",")))
                .append("\")\n");
        cli.append("""

                # The layer's default factory (java:/JmsXA, java:jboss/DefaultJMSConnectionFactory) points at
                # the pair too, with the layer's user guest, which has no role on the brokers: nothing of
                # Switchboard uses it (every context sends, consumes and dead-letters through its own factory,
                # ADR 0010), and anything that did would be refused (AMQ229031) instead of passing unseen.
                """);
        cli.append(MESSAGING)
                .append("/pooled-connection-factory=activemq-ra:write-attribute(name=connectors, value=")
                .append(connectors)
                .append(")\n");
        cli.append(MESSAGING).append("/pooled-connection-factory=activemq-ra:write-attribute(name=ha, value=true)\n");
        cli.append("""

                # One factory per context under its own broker identity (docs/adr/0010-broker-identities.md).
                # ha: fail over to the backup with the journal; reconnect for ever; consumer-window-size=0: a node
                # buffers nothing it has not started on, so an idle node is not starved by a busy one and a
                # returning node gets the next message at once.
                """);
        for (var factory : declarations.connectionFactories()) {
            cli.append(MESSAGING)
                    .append("/pooled-connection-factory=")
                    .append(factory.name())
                    .append(":add(connectors=")
                    .append(connectors)
                    .append(", entries=")
                    .append(list(factory.entries()))
                    .append(", transaction=")
                    .append(factory.transaction())
                    .append(factory.allowLocalTransactions() ? ", allow-local-transactions=true" : "")
                    .append(", user=")
                    .append(factory.credentials().user())
                    .append(", password=\"")
                    .append(factory.credentials().password())
                    .append("\", ha=true, reconnect-attempts=-1, retry-interval=500, retry-interval-multiplier=1.5, "
                            + "max-retry-interval=5000, consumer-window-size=0)\n");
        }
        cli.append("\n# The destinations under the JNDI names the code looks up, on the same core addresses.\n");
        for (var destination : declarations.destinations()) {
            var kind = destination.kind() == MessagingDeclarations.Destination.Kind.QUEUE ? "queue" : "topic";
            cli.append(MESSAGING)
                    .append("/external-jms-")
                    .append(kind)
                    .append('=')
                    .append(destination.name())
                    .append(":add(entries=")
                    .append(list(destination.entries()))
                    .append(")\n");
        }
        return cli.toString();
    }

    /**
     * The server-wide script for a node without a broker: jms-config/server.cli without the blocks
     * that configure the embedded broker (the HTTPS acceptor for remote broker clients), with the
     * comment paragraph just before each such block.
     */
    public static String server(String serverCli) {
        var kept = new ArrayList<String>();
        var comments = new ArrayList<String>();
        var block = new ArrayList<String>();
        var inBlock = false;
        for (var line : serverCli.split("\n", -1)) {
            var text = line.strip();
            if (inBlock) {
                block.add(line);
                if (text.equals("end-if")) {
                    inBlock = false;
                    flush(kept, comments, block);
                }
                continue;
            }
            if (text.startsWith("#")) {
                comments.add(line);
                continue;
            }
            block.add(line);
            if (text.startsWith("if ")) {
                inBlock = true;
            } else {
                flush(kept, comments, block);
            }
        }
        kept.addAll(comments);
        return "# Generated from jms-config/server.cli by ear/broker-config: the same, less the embedded broker's blocks.\n"
                + String.join("\n", kept);
    }

    private static void flush(List<String> kept, List<String> comments, List<String> block) {
        var broker = block.stream().anyMatch(l -> l.contains(MESSAGING + "/server="));
        if (!broker) {
            kept.addAll(comments);
            kept.addAll(block);
        }
        comments.clear();
        block.clear();
    }

    private static String list(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
    }
}
