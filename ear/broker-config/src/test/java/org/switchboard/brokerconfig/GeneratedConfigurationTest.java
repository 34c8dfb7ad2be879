package org.switchboard.brokerconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * Every declaration of jms-config/messaging.cli reaches the brokers' broker.xml and the remote
 * WildFly's CLI. The expectations are read from messaging.cli by the plain command reader, not from
 * the model the generator builds, so a declaration the model drops is missed here.
 */
class GeneratedConfigurationTest {

    private static final Path JMS_CONFIG = Path.of(System.getProperty("switchboard.jms-config", "../../jms-config"));

    private final String messagingCli = read("messaging.cli");
    private final MessagingDeclarations declarations = MessagingDeclarations.of(messagingCli);
    private final Broker primary = Broker.PAIR.get(0);
    private final Broker backup = Broker.PAIR.get(1);
    private final String brokerXml = BrokerXml.of(declarations, primary, backup);
    private final String remoteCli = RemoteCli.messaging(declarations, Broker.PAIR);

    @Test
    void everyDeclarationOfMessagingCliReachesTheBrokersAndTheRemoteServer() {
        assertThat(missing(CliScript.parse(messagingCli), parse(brokerXml), remoteCli))
                .isEmpty();
        assertThat(CliScript.parse(messagingCli)).hasSizeGreaterThan(200);
    }

    @Test
    void aDeclarationLeftOutOfTheGeneratedFilesIsReported() {
        var withoutQueue = brokerXml.replace(
                "<queue name=\"jms.queue.marketing.commands\"/>", "<queue name=\"jms.queue.something.else\"/>");
        var withoutSetting =
                brokerXml.replace("<dead-letter-address>jms.queue.DLQ.ordering.returns</dead-letter-address>", "");
        var withoutBinding = remoteCli.replace("external-jms-topic=payments.events", "external-jms-topic=other");

        var commands = CliScript.parse(messagingCli);
        assertThat(missing(commands, parse(withoutQueue), remoteCli)).anyMatch(m -> m.contains("marketing.commands"));
        assertThat(missing(commands, parse(withoutSetting), remoteCli))
                .anyMatch(m -> m.contains("DLQ.ordering.returns"));
        assertThat(missing(commands, parse(brokerXml), withoutBinding)).anyMatch(m -> m.contains("payments.events"));
    }

    @Test
    void theBrokerXmlIsValidForArtemis() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(getClass()
                        .getResource("/schema/artemis-configuration.xsd")
                        .toString()));
        for (var broker : Broker.PAIR) {
            var peer = broker.equals(primary) ? backup : primary;
            var core = (Element) parse(resolved(BrokerXml.of(declarations, broker, peer)))
                    .getElementsByTagNameNS("urn:activemq:core", "core")
                    .item(0);
            schema.newValidator().validate(new DOMSource(core));
        }
    }

    @Test
    void thePairIsOnePrimaryAndOneBackupSharingOneStore() {
        var backupXml = BrokerXml.of(declarations, backup, primary);
        assertThat(brokerXml).contains("<primary>").doesNotContain("<backup>");
        assertThat(backupXml).contains("<backup>").doesNotContain("<primary>");
        assertThat(brokerXml).contains("<journal-directory>${switchboard.broker.store}/journal</journal-directory>");
        assertThat(backupXml).contains("<journal-directory>${switchboard.broker.store}/journal</journal-directory>");
    }

    @Test
    void everyContextConnectsToBothBrokersUnderItsOwnIdentity() {
        for (var context : List.of("webstore", "integration", "marketing", "operations", "ordering", "partners")) {
            assertThat(remoteCli)
                    .containsPattern("pooled-connection-factory=" + context
                            + ":add\\(connectors=\\[broker-a, broker-b\\], "
                            + "entries=\\[\"java:/jms/" + context + "/JmsXA\"\\], transaction=xa,"
                            // the outbox relays' batches commit as local JMS transactions (BatchSend)
                            + " allow-local-transactions=true, user=" + context
                            + ", password=\"\\$\\{switchboard.broker." + context + ".password,env.SWITCHBOARD_BROKER_"
                            + context.toUpperCase() + "_PASSWORD}\", ha=true");
        }
    }

    /**
     * The default factory keeps the layer's guest, who may do nothing on the brokers: the nodes are
     * never given the cluster password, which only the brokers share (ConsumerInterceptor sends
     * under its context's own factory, ADR 0010).
     */
    @Test
    void theNodesDefaultFactoryGetsNoBrokerPowers() {
        assertThat(remoteCli)
                .doesNotContain("activemq-ra:write-attribute(name=user")
                .doesNotContain("activemq-ra:write-attribute(name=password")
                .doesNotContain("switchboard.broker.cluster.password");
        assertThat(brokerXml)
                .contains("<cluster-user>switchboard-cluster</cluster-user>")
                .contains("<cluster-password>${switchboard.broker.cluster.password}</cluster-password>");
    }

    @Test
    void theRemoteServerScriptKeepsEverythingButTheEmbeddedBroker() {
        var serverCli = read("server.cli");
        var remote = RemoteCli.server(serverCli);
        assertThat(serverCli).contains("http-acceptor=https-acceptor");
        assertThat(remote).doesNotContain("/subsystem=messaging-activemq/server=");
        var operations = CliScript.parse(serverCli).stream()
                .filter(c -> c.under(MessagingDeclarations.SERVER) == null)
                .count();
        assertThat(CliScript.parse(remote)).hasSize((int) operations);
    }

    /**
     * Brokers on hosts of their own: each broker's connectors name itself and its peer by their host
     * names (the backup announces "self" to the clients; the pair reach each other through "peer"),
     * its acceptor listens on its own host name unless told a bind address, and the nodes' socket
     * bindings default to the same names; every one stays overridable at start by the same property.
     */
    @Test
    void theBrokersHostNamesReachBothBrokersAndTheNodes() {
        var pair = Broker.pair("mq-a.switchboard.internal", "mq-b.switchboard.internal");
        var a = pair.get(0);
        var b = pair.get(1);
        var primaryXml = parse(BrokerXml.of(declarations, a, b));
        var backupXml = parse(BrokerXml.of(declarations, b, a));

        assertThat(connector(primaryXml, "connector", "self"))
                .isEqualTo(
                        "tcp://${switchboard.broker-a.host:mq-a.switchboard.internal}:${switchboard.broker-a.port:61716}");
        assertThat(connector(primaryXml, "connector", "peer"))
                .isEqualTo(
                        "tcp://${switchboard.broker-b.host:mq-b.switchboard.internal}:${switchboard.broker-b.port:61717}");
        assertThat(connector(backupXml, "connector", "self")).isEqualTo(connector(primaryXml, "connector", "peer"));
        assertThat(connector(backupXml, "connector", "peer")).isEqualTo(connector(primaryXml, "connector", "self"));
        assertThat(connector(primaryXml, "acceptor", "core"))
                .startsWith(
                        "tcp://${switchboard.broker.bind:mq-a.switchboard.internal}:${switchboard.broker-a.port:61716}?");
        assertThat(connector(backupXml, "acceptor", "core"))
                .startsWith(
                        "tcp://${switchboard.broker.bind:mq-b.switchboard.internal}:${switchboard.broker-b.port:61717}?");
        assertThat(resolved(connector(backupXml, "connector", "peer")))
                .isEqualTo("tcp://mq-a.switchboard.internal:61716");

        var remote = CliScript.parse(RemoteCli.messaging(declarations, pair)).stream()
                .filter(c -> c.toString().contains("remote-destination-outbound-socket-binding="))
                .toList();
        assertThat(remote).hasSize(2);
        assertThat(remote.get(0).string("host"))
                .isEqualTo("${switchboard.broker-a.host,env.SWITCHBOARD_BROKER_A_HOST:mq-a.switchboard.internal}");
        assertThat(remote.get(1).string("host"))
                .isEqualTo("${switchboard.broker-b.host,env.SWITCHBOARD_BROKER_B_HOST:mq-b.switchboard.internal}");
        assertThat(remote.get(1).string("port"))
                .isEqualTo("${switchboard.broker-b.port,env.SWITCHBOARD_BROKER_B_PORT:61717}");
    }

    /**
     * Operations' recovery scan asks the same brokers as the factories, primary first, by the same
     * host and port settings: a record of a transaction killed in its commit phase is finished only
     * when the broker that holds its branches answered.
     */
    @Test
    void theRecoveryScanAsksBothBrokersAtTheFactoriesAddresses() {
        var pair = Broker.pair("mq-a.switchboard.internal", "mq-b.switchboard.internal");
        var recovery = CliScript.parse(RemoteCli.messaging(declarations, pair)).stream()
                .filter(c -> c.toString().contains("/system-property=switchboard.recovery.brokers:add"))
                .toList();
        assertThat(recovery).hasSize(1);
        assertThat(resolved(recovery.get(0).string("value")))
                .isEqualTo("tcp://mq-a.switchboard.internal:61716,tcp://mq-b.switchboard.internal:61717");
        assertThat(recovery.get(0).string("value"))
                .startsWith(
                        "tcp://${switchboard.broker-a.host,env.SWITCHBOARD_BROKER_A_HOST:mq-a.switchboard.internal}:"
                                + "${switchboard.broker-a.port,env.SWITCHBOARD_BROKER_A_PORT:61716},");
    }

    @Test
    void withoutHostNamesBothBrokersAreOnThisMachine() {
        assertThat(resolved(connector(parse(brokerXml), "connector", "peer"))).isEqualTo("tcp://127.0.0.1:61717");
        assertThat(resolved(connector(parse(brokerXml), "acceptor", "core"))).startsWith("tcp://127.0.0.1:61716?");
        assertThat(remoteCli).contains("host=\"${switchboard.broker-a.host,env.SWITCHBOARD_BROKER_A_HOST:127.0.0.1}\"");
    }

    /** The text of the broker's {@code <connector>} or {@code <acceptor>} of that name. */
    private static String connector(Document broker, String element, String name) {
        var nodes = broker.getElementsByTagNameNS("urn:activemq:core", element);
        for (var i = 0; i < nodes.getLength(); i++) {
            var node = (Element) nodes.item(i);
            if (node.getAttribute("name").equals(name)) {
                return node.getTextContent().strip();
            }
        }
        throw new AssertionError("No " + element + " " + name);
    }

    @Test
    void aCommandTheGeneratorDoesNotKnowFailsTheBuild() {
        assertThatThrownBy(
                        () -> MessagingDeclarations.of(
                                "/subsystem=messaging-activemq/server=default/bridge=b:add(queue-name=q, forwarding-address=x)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge=b");
        var unknownAttribute = MessagingDeclarations.of(
                "/subsystem=messaging-activemq/server=default/address-setting=#:add\n"
                        + "/subsystem=messaging-activemq/server=default/address-setting=#:write-attribute(name=auto-delete-queues, value=true)");
        assertThatThrownBy(() -> BrokerXml.of(unknownAttribute, primary, backup))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto-delete-queues");
    }

    /** The XML as Artemis validates it: after resolving properties, here each to its default (or a sample). */
    private static String resolved(String xml) {
        return java.util.regex.Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}")
                .matcher(xml)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(2) != null ? m.group(2) : "/sample"));
    }

    /** What messaging.cli declares and the generated files lack, one line per finding. */
    private static List<String> missing(List<CliCommand> commands, Document broker, String remote) {
        var missing = new ArrayList<String>();
        for (var command : commands) {
            var steps = command.under(MessagingDeclarations.SERVER);
            if (steps == null || steps.isEmpty()) {
                if (steps != null
                        && MessagingDeclarations.BROKER_ATTRIBUTES.containsKey(command.string("name"))
                        && !text(broker, command.string("name")).contains(command.string("value"))) {
                    missing.add("broker attribute " + command);
                }
                continue;
            }
            var resource = steps.get(0);
            var name = resource.name();
            switch (resource.type()) {
                case "jms-queue" -> {
                    if (!hasQueue(broker, "jms.queue." + name)) {
                        missing.add("queue " + name + " in broker.xml");
                    }
                    if (!remote.contains(
                            "external-jms-queue=" + name + ":add(entries=" + quoted(command.list("entries")))) {
                        missing.add("queue " + name + " in the remote CLI");
                    }
                }
                case "jms-topic" -> {
                    if (!hasAddress(broker, "jms.topic." + name, "multicast")) {
                        missing.add("topic " + name + " in broker.xml");
                    }
                    if (!remote.contains(
                            "external-jms-topic=" + name + ":add(entries=" + quoted(command.list("entries")))) {
                        missing.add("topic " + name + " in the remote CLI");
                    }
                }
                case "address-setting" -> {
                    if (command.operation().equals("write-attribute")) {
                        var element = command.string("name").equals("redelivery-multiplier")
                                ? "redelivery-delay-multiplier"
                                : command.string("name");
                        if (!childText(broker, "address-setting", name, element).equals(command.string("value"))) {
                            missing.add("address setting " + name + " " + element + "=" + command.string("value"));
                        }
                    } else if (childText(broker, "address-setting", name, null) == null) {
                        missing.add("address setting " + name);
                    }
                }
                case "divert" -> {
                    var divert = find(broker, "divert", "name", name);
                    if (divert == null
                            || !childText(divert, "address").equals(command.string("divert-address"))
                            || !childText(divert, "forwarding-address").equals(command.string("forwarding-address"))
                            || !childText(divert, "exclusive").equals(command.string("exclusive"))
                            || !((Element) divert.getElementsByTagName("filter").item(0))
                                    .getAttribute("string")
                                    .equals(command.string("filter"))) {
                        missing.add("divert " + name);
                    }
                }
                case "security-setting" -> securitySetting(broker, command, name, steps, missing);
                case "pooled-connection-factory" -> {
                    if (!remote.contains("pooled-connection-factory=" + name + ":add(")
                            || !remote.contains("entries=" + quoted(command.list("entries")) + ", transaction="
                                    + command.string("transaction")
                                    + ("true".equals(command.string("allow-local-transactions"))
                                            ? ", allow-local-transactions=true"
                                            : "")
                                    + ", user=" + command.string("user"))) {
                        missing.add("connection factory " + name + " in the remote CLI");
                    }
                }
                default -> missing.add("not checked: " + command);
            }
        }
        return missing;
    }

    private static void securitySetting(
            Document broker, CliCommand command, String match, List<CliCommand.Segment> steps, List<String> missing) {
        var setting = find(broker, "security-setting", "match", match);
        if (setting == null) {
            missing.add("security setting " + match);
            return;
        }
        if (steps.size() < 2) {
            return;
        }
        var role = steps.get(1).name();
        if (command.operation().equals("remove")) {
            if (!rolesByType(setting).values().stream().noneMatch(roles -> roles.contains(role))) {
                missing.add("removal of role " + role + " from " + match);
            }
            return;
        }
        command.parameters().forEach((permission, value) -> {
            if (Boolean.parseBoolean(value)) {
                for (var type : Permission.ofCli(permission).brokerTypes()) {
                    if (!rolesByType(setting).getOrDefault(type, List.of()).contains(role)) {
                        missing.add("security setting " + match + ": " + role + " " + type);
                    }
                }
            }
        });
    }

    private static java.util.Map<String, List<String>> rolesByType(Element setting) {
        var byType = new java.util.HashMap<String, List<String>>();
        var permissions = setting.getElementsByTagName("permission");
        for (var i = 0; i < permissions.getLength(); i++) {
            var p = (Element) permissions.item(i);
            byType.put(
                    p.getAttribute("type"),
                    Arrays.asList(p.getAttribute("roles").split(",")));
        }
        return byType;
    }

    private static boolean hasQueue(Document broker, String name) {
        var address = find(broker, "address", "name", name);
        return address != null && find(address, "queue", "name", name) != null;
    }

    private static boolean hasAddress(Document broker, String name, String routing) {
        var address = find(broker, "address", "name", name);
        return address != null && address.getElementsByTagName(routing).getLength() == 1;
    }

    /** The text of {@code element} in the {@code tag} whose match is {@code match} ("" when absent; null when there is no such tag). */
    private static String childText(Document broker, String tag, String match, String element) {
        var parent = find(broker, tag, "match", match);
        if (parent == null) {
            return null;
        }
        return element == null ? "" : childText(parent, element);
    }

    private static String childText(Element parent, String element) {
        var children = parent.getElementsByTagName(element);
        return children.getLength() == 0 ? "" : children.item(0).getTextContent();
    }

    private static String text(Document broker, String element) {
        var nodes = broker.getElementsByTagName(element);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }

    private static Element find(Document document, String tag, String attribute, String value) {
        return find(document.getDocumentElement(), tag, attribute, value);
    }

    private static Element find(Element root, String tag, String attribute, String value) {
        var nodes = root.getElementsByTagName(tag);
        for (var i = 0; i < nodes.getLength(); i++) {
            var element = (Element) nodes.item(i);
            if (element.getAttribute(attribute).equals(value)) {
                return element;
            }
        }
        return null;
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static Document parse(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException("Not well-formed XML", e);
        }
    }

    private static String read(String name) {
        try {
            return Files.readString(JMS_CONFIG.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
