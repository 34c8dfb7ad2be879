package org.switchboard.brokerconfig;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes a standalone broker's broker.xml from the declarations: the addresses and queues WildFly
 * would create for the JMS destinations (same core names, {@code jms.queue.*} / {@code jms.topic.*},
 * so every match of messaging.cli applies unchanged), address settings, diverts, security settings,
 * and the shared-store pair. Values stay expressions ({@code ${switchboard.redelivery.delay:500}}):
 * Artemis resolves system properties in broker.xml as WildFly does in its model, so the same
 * overrides work at broker start.
 */
public final class BrokerXml {

    /** Where the pair's shared journal lives: given at broker start (the launcher does). */
    static final String STORE = "${switchboard.broker.store}";

    /**
     * The brokers' own user between themselves, which Artemis exempts from permission checks; cluster
     * mode's default factory on the nodes uses it too ({@link RemoteCli}).
     */
    static final String CLUSTER_USER = "switchboard-cluster";

    /** Its password, a system property of the brokers and the nodes (the launcher generates it). */
    static final String CLUSTER_PASSWORD_PROPERTY = "switchboard.broker.cluster.password";

    /** CLI address-setting attributes and their broker.xml elements, where the names differ. */
    private static final Map<String, String> RENAMED = Map.of("redelivery-multiplier", "redelivery-delay-multiplier");

    private static final Set<String> ADDRESS_SETTING_ATTRIBUTES = Set.of(
            "dead-letter-address",
            "expiry-address",
            "redelivery-delay",
            "redelivery-multiplier",
            "max-redelivery-delay",
            "max-delivery-attempts",
            "max-size-bytes",
            "page-size-bytes",
            "address-full-policy",
            "message-counter-history-day-limit");

    private BrokerXml() {}

    public static String of(MessagingDeclarations declarations, Broker broker, Broker peer) {
        var xml = new StringBuilder();
        xml.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Generated from jms-config/messaging.cli by ear/broker-config (org.switchboard.brokerconfig): do not edit.
                     %s of the shared-store pair, docs/adr/0016-broker-primary-backup-shared-store.md. -->
                <configuration xmlns="urn:activemq" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                               xsi:schemaLocation="urn:activemq /schema/artemis-configuration.xsd">
                   <core xmlns="urn:activemq:core">
                      <name>%s</name>
                      <persistence-enabled>true</persistence-enabled>
                      <security-enabled>true</security-enabled>
                      <journal-type>NIO</journal-type>
                      <journal-datasync>true</journal-datasync>
                      <journal-min-files>2</journal-min-files>
                      <journal-pool-files>10</journal-pool-files>
                      <journal-file-size>10M</journal-file-size>
                      <!-- Both brokers point at one store; its lock decides which one is active. -->
                      <bindings-directory>%s/bindings</bindings-directory>
                      <journal-directory>%s/journal</journal-directory>
                      <paging-directory>%s/paging</paging-directory>
                      <large-messages-directory>%s/large-messages</large-messages-directory>
                      <node-manager-lock-directory>%s/lock</node-manager-lock-directory>
                """.formatted(
                        broker.role() == Broker.Role.PRIMARY ? "The primary" : "The backup",
                        broker.name(),
                        STORE,
                        STORE,
                        STORE,
                        STORE,
                        STORE));
        declarations.brokerAttributes().forEach((element, value) -> element(xml, 6, element, value));
        xml.append("""
                      <connectors>
                         <connector name="self">tcp://${switchboard.broker.host:127.0.0.1}:%s</connector>
                         <connector name="peer">tcp://${switchboard.broker.host:127.0.0.1}:%s</connector>
                      </connectors>
                      <acceptors>
                         <acceptor name="core">tcp://${switchboard.broker.host:127.0.0.1}:%s?protocols=CORE;tcpSendBufferSize=1048576;tcpReceiveBufferSize=1048576</acceptor>
                      </acceptors>
                      <cluster-user>%s</cluster-user>
                      <cluster-password>${%s}</cluster-password>
                      <!-- Only so that the backup announces itself and clients learn the pair: one broker is
                           active at a time, so there is nothing to balance. -->
                      <cluster-connections>
                         <cluster-connection name="switchboard">
                            <connector-ref>self</connector-ref>
                            <message-load-balancing>OFF</message-load-balancing>
                            <max-hops>1</max-hops>
                            <static-connectors>
                               <connector-ref>peer</connector-ref>
                            </static-connectors>
                         </cluster-connection>
                      </cluster-connections>
                      <ha-policy>
                         <shared-store>
                """.formatted(
                        broker.portExpression(),
                        peer.portExpression(),
                        broker.portExpression(),
                        CLUSTER_USER,
                        CLUSTER_PASSWORD_PROPERTY));
        xml.append(broker.role() == Broker.Role.PRIMARY ? """
                                    <primary>
                                       <failover-on-shutdown>true</failover-on-shutdown>
                                    </primary>
                        """ : """
                                    <backup>
                                       <allow-failback>true</allow-failback>
                                    </backup>
                        """);
        xml.append("""
                         </shared-store>
                      </ha-policy>
                """);
        securitySettings(xml, declarations.securitySettings());
        addressSettings(xml, declarations.addressSettings());
        addresses(xml, declarations.destinations());
        diverts(xml, declarations.diverts());
        xml.append("""
                   </core>
                </configuration>
                """);
        return xml.toString();
    }

    private static void securitySettings(StringBuilder xml, Map<String, Map<String, Set<Permission>>> settings) {
        xml.append("      <security-settings>\n");
        settings.forEach((match, roles) -> {
            // Artemis applies the most specific match as a whole, as WildFly does: a match with no
            // role admits nobody (as messaging.cli leaves '#').
            var byType = new java.util.TreeMap<String, Set<String>>();
            roles.forEach((role, permissions) -> permissions.forEach(p -> p.brokerTypes()
                    .forEach(type ->
                            byType.computeIfAbsent(type, t -> new TreeSet<>()).add(role))));
            if (byType.isEmpty()) {
                xml.append("         <security-setting match=\"")
                        .append(escape(match))
                        .append("\"/>\n");
                return;
            }
            xml.append("         <security-setting match=\"")
                    .append(escape(match))
                    .append("\">\n");
            byType.forEach((type, names) -> xml.append("            <permission type=\"")
                    .append(type)
                    .append("\" roles=\"")
                    .append(escape(String.join(",", names)))
                    .append("\"/>\n"));
            xml.append("         </security-setting>\n");
        });
        xml.append("      </security-settings>\n");
    }

    private static void addressSettings(StringBuilder xml, Map<String, Map<String, String>> settings) {
        xml.append("      <address-settings>\n");
        settings.forEach((match, attributes) -> {
            xml.append("         <address-setting match=\"")
                    .append(escape(match))
                    .append("\">\n");
            attributes.forEach((name, value) -> {
                if (!ADDRESS_SETTING_ATTRIBUTES.contains(name)) {
                    throw new IllegalArgumentException(
                            "Address setting " + match + ": attribute " + name + " has no broker.xml counterpart here");
                }
                element(xml, 12, RENAMED.getOrDefault(name, name), value);
            });
            xml.append("         </address-setting>\n");
        });
        xml.append("      </address-settings>\n");
    }

    private static void addresses(StringBuilder xml, List<MessagingDeclarations.Destination> destinations) {
        xml.append("      <addresses>\n");
        for (var destination : destinations) {
            var address = escape(destination.address());
            xml.append("         <address name=\"").append(address).append("\">\n");
            switch (destination.kind()) {
                case QUEUE ->
                    xml.append("            <anycast>\n               <queue name=\"")
                            .append(address)
                            .append("\"/>\n            </anycast>\n");
                // Subscriptions are the consumers' (Integration's durable shared one, browsers').
                case TOPIC -> xml.append("            <multicast/>\n");
            }
            xml.append("         </address>\n");
        }
        xml.append("      </addresses>\n");
    }

    private static void diverts(StringBuilder xml, List<MessagingDeclarations.Divert> diverts) {
        xml.append("      <diverts>\n");
        for (var divert : diverts) {
            xml.append("         <divert name=\"").append(escape(divert.name())).append("\">\n");
            element(xml, 12, "address", divert.address());
            element(xml, 12, "forwarding-address", divert.forwardingAddress());
            if (divert.filter() != null) {
                xml.append("            <filter string=\"")
                        .append(escape(divert.filter()))
                        .append("\"/>\n");
            }
            element(xml, 12, "exclusive", String.valueOf(divert.exclusive()));
            xml.append("         </divert>\n");
        }
        xml.append("      </diverts>\n");
    }

    private static void element(StringBuilder xml, int indent, String name, String value) {
        if (value.contains(",env.")) {
            throw new IllegalArgumentException(name + ": Artemis resolves ${property:default} only, not " + value);
        }
        xml.append(" ".repeat(indent))
                .append('<')
                .append(name)
                .append('>')
                .append(escape(value))
                .append("</")
                .append(name)
                .append(">\n");
    }

    static String escape(String text) {
        return text.chars()
                .mapToObj(c -> switch (c) {
                    case '&' -> "&amp;";
                    case '<' -> "&lt;";
                    case '>' -> "&gt;";
                    case '"' -> "&quot;";
                    default -> String.valueOf((char) c);
                })
                .collect(Collectors.joining());
    }
}
