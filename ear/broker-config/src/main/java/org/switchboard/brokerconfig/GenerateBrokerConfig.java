package org.switchboard.brokerconfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code GenerateBrokerConfig <jms-config dir> <output dir> [<broker instances dir>]}: writes
 * {@code broker-a.xml}, {@code broker-b.xml}, {@code remote-messaging.cli} and {@code remote-server.cli};
 * given the directory of the broker instances ({@code artemis create}), also each instance's
 * {@code etc/broker.xml}. The cluster profile runs it before provisioning (ear/cluster-server).
 *
 * <p>The brokers' host names are {@code -Dswitchboard.broker-a.host=…} and
 * {@code -Dswitchboard.broker-b.host=…} (default {@value Broker#LOCAL}, both on this machine): the
 * defaults written into both brokers' connectors and the nodes' socket bindings, which the same
 * properties (and on the nodes {@code SWITCHBOARD_BROKER_A_HOST}, …) still override at start.
 */
public final class GenerateBrokerConfig {

    private GenerateBrokerConfig() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            throw new IllegalArgumentException(
                    "Usage: GenerateBrokerConfig <jms-config dir> <output dir> [<broker instances dir>]");
        }
        var config = Path.of(args[0]);
        var out = Files.createDirectories(Path.of(args[1]));
        var declarations = MessagingDeclarations.of(Files.readString(config.resolve("messaging.cli")));
        var pair = Broker.pair(
                System.getProperty("switchboard.broker-a.host", Broker.LOCAL),
                System.getProperty("switchboard.broker-b.host", Broker.LOCAL));
        for (var broker : pair) {
            var peer = pair.stream().filter(b -> !b.equals(broker)).findFirst().orElseThrow();
            var xml = BrokerXml.of(declarations, broker, peer);
            Files.writeString(out.resolve(broker.name() + ".xml"), xml);
            if (args.length == 3) {
                Files.writeString(Path.of(args[2], broker.name(), "etc", "broker.xml"), xml);
            }
        }
        Files.writeString(out.resolve("remote-messaging.cli"), RemoteCli.messaging(declarations, pair));
        Files.writeString(
                out.resolve("remote-server.cli"), RemoteCli.server(Files.readString(config.resolve("server.cli"))));
        System.out.printf(
                "Broker configuration for %d destinations, %d address settings, %d diverts, %d security settings,"
                        + " brokers %s, in %s%n",
                declarations.destinations().size(),
                declarations.addressSettings().size(),
                declarations.diverts().size(),
                declarations.securitySettings().size(),
                pair.stream()
                        .map(b -> b.name() + " " + b.host() + ":" + b.port())
                        .toList(),
                out);
    }
}
