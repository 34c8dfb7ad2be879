package org.switchboard.brokerconfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What jms-config/messaging.cli declares, on top of what WildFly's {@code embedded-activemq} layer
 * provisions before the script runs. Built by replaying the script's operations; an operation on
 * the messaging server that is not understood fails, so a new kind of declaration cannot be dropped
 * on the way to the brokers without a change here.
 */
public final class MessagingDeclarations {

    /** A JMS destination; WildFly puts it on core address {@code jms.queue.<name>} or {@code jms.topic.<name>}. */
    public record Destination(String name, Kind kind, List<String> entries) {

        public enum Kind {
            QUEUE,
            TOPIC
        }

        public String address() {
            return (kind == Kind.QUEUE ? "jms.queue." : "jms.topic.") + name;
        }
    }

    /** A divert copying (non-exclusive) or moving (exclusive) messages from one address to another. */
    public record Divert(String name, String address, String forwardingAddress, boolean exclusive, String filter) {}

    /** A context's pooled connection factory (its broker identity, ADR 0010). */
    public record ConnectionFactory(
            String name,
            List<String> entries,
            String transaction,
            boolean allowLocalTransactions,
            Credentials credentials) {}

    /** A broker user and its password, the latter usually an expression resolved at server start. */
    public record Credentials(String user, String password) {}

    static final List<CliCommand.Segment> SERVER = List.of(
            new CliCommand.Segment("subsystem", "messaging-activemq"), new CliCommand.Segment("server", "default"));

    /** The server attributes that belong to the broker, and how broker.xml names them. */
    static final Map<String, String> BROKER_ATTRIBUTES = Map.of(
            "jmx-management-enabled",
            "jmx-management-enabled",
            "message-expiry-scan-period",
            "message-expiry-scan-period",
            "journal-buffer-timeout",
            "journal-buffer-timeout");

    /** Server attributes that configure WildFly's side only (the broker realm is the brokers' own JAAS realm). */
    static final Set<String> WILDFLY_ATTRIBUTES = Set.of("elytron-domain");

    private final Map<String, String> brokerAttributes = new LinkedHashMap<>();
    private final Map<String, Destination> destinations = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> addressSettings = new LinkedHashMap<>();
    private final Map<String, Divert> diverts = new LinkedHashMap<>();
    private final Map<String, Map<String, Set<Permission>>> securitySettings = new LinkedHashMap<>();
    private final Map<String, ConnectionFactory> connectionFactories = new LinkedHashMap<>();
    private final List<CliCommand> wildflySide = new ArrayList<>();

    private MessagingDeclarations() {}

    /** The declarations of a messaging script, over the embedded layer's defaults. */
    public static MessagingDeclarations of(String messagingCli) {
        var declarations = new MessagingDeclarations();
        declarations.embeddedDefaults();
        CliScript.parse(messagingCli).forEach(declarations::apply);
        return declarations;
    }

    /**
     * What WildFly's embedded-activemq layer provisions and messaging.cli builds on (its standalone.xml):
     * the queues DLQ and ExpiryQueue, the catch-all address setting, and the grant to guest that
     * messaging.cli takes away again.
     */
    private void embeddedDefaults() {
        destinations.put("DLQ", new Destination("DLQ", Destination.Kind.QUEUE, List.of("java:/jms/queue/DLQ")));
        destinations.put(
                "ExpiryQueue",
                new Destination("ExpiryQueue", Destination.Kind.QUEUE, List.of("java:/jms/queue/ExpiryQueue")));
        var catchAll = new LinkedHashMap<String, String>();
        catchAll.put("dead-letter-address", "jms.queue.DLQ");
        catchAll.put("expiry-address", "jms.queue.ExpiryQueue");
        catchAll.put("max-size-bytes", "10485760");
        catchAll.put("page-size-bytes", "2097152");
        catchAll.put("message-counter-history-day-limit", "10");
        addressSettings.put("#", catchAll);
        var guest = new LinkedHashMap<String, Set<Permission>>();
        guest.put(
                "guest",
                EnumSet.of(
                        Permission.SEND,
                        Permission.CONSUME,
                        Permission.CREATE_NON_DURABLE_QUEUE,
                        Permission.DELETE_NON_DURABLE_QUEUE));
        securitySettings.put("#", guest);
    }

    private void apply(CliCommand command) {
        var steps = command.under(SERVER);
        if (steps == null) {
            // Not the messaging server: the broker realm (Elytron) and its system property. They serve
            // WildFly's embedded broker; standalone brokers authenticate with their own JAAS realm.
            if (command.address().get(0).equals(new CliCommand.Segment("subsystem", "elytron"))
                    || command.address().get(0).type().equals("system-property")) {
                wildflySide.add(command);
                return;
            }
            throw unknown(command);
        }
        if (steps.isEmpty()) {
            server(command);
            return;
        }
        var resource = steps.get(0);
        var child = steps.size() > 1 ? steps.get(1) : null;
        switch (resource.type()) {
            case "jms-queue" ->
                requireAdd(
                        command,
                        () -> destinations.put(
                                resource.name(),
                                new Destination(resource.name(), Destination.Kind.QUEUE, command.list("entries"))));
            case "jms-topic" ->
                requireAdd(
                        command,
                        () -> destinations.put(
                                resource.name(),
                                new Destination(resource.name(), Destination.Kind.TOPIC, command.list("entries"))));
            case "address-setting" -> addressSetting(command, resource.name());
            case "divert" ->
                requireAdd(
                        command,
                        () -> diverts.put(
                                resource.name(),
                                new Divert(
                                        resource.name(),
                                        command.string("divert-address"),
                                        command.string("forwarding-address"),
                                        Boolean.parseBoolean(command.string("exclusive")),
                                        command.string("filter"))));
            case "security-setting" -> securitySetting(command, resource.name(), child);
            case "pooled-connection-factory" ->
                requireAdd(
                        command,
                        () -> connectionFactories.put(
                                resource.name(),
                                new ConnectionFactory(
                                        resource.name(),
                                        command.list("entries"),
                                        command.string("transaction"),
                                        Boolean.parseBoolean(command.string("allow-local-transactions")),
                                        new Credentials(command.string("user"), command.string("password")))));
            default -> throw unknown(command);
        }
    }

    private void server(CliCommand command) {
        if (!command.operation().equals("write-attribute")) {
            throw unknown(command);
        }
        var name = command.string("name");
        if (BROKER_ATTRIBUTES.containsKey(name)) {
            brokerAttributes.put(name, command.string("value"));
        } else if (WILDFLY_ATTRIBUTES.contains(name)) {
            wildflySide.add(command);
        } else {
            throw unknown(command);
        }
    }

    private void addressSetting(CliCommand command, String match) {
        switch (command.operation()) {
            case "add" -> {
                var attributes = addressSettings.computeIfAbsent(match, m -> new LinkedHashMap<>());
                command.parameters().forEach((k, v) -> attributes.put(k, CliScript.unquote(v)));
            }
            case "write-attribute" -> {
                var attributes = addressSettings.get(match);
                if (attributes == null) {
                    throw new IllegalArgumentException(command + ": address setting not added before");
                }
                attributes.put(command.string("name"), command.string("value"));
            }
            default -> throw unknown(command);
        }
    }

    private void securitySetting(CliCommand command, String match, CliCommand.Segment role) {
        if (role == null) {
            requireAdd(command, () -> securitySettings.computeIfAbsent(match, m -> new LinkedHashMap<>()));
            return;
        }
        var roles = securitySettings.get(match);
        if (roles == null || !role.type().equals("role")) {
            throw unknown(command);
        }
        switch (command.operation()) {
            case "add" -> {
                var permissions = EnumSet.noneOf(Permission.class);
                command.parameters().forEach((name, value) -> {
                    if (Boolean.parseBoolean(CliScript.unquote(value))) {
                        permissions.add(Permission.ofCli(name));
                    }
                });
                roles.put(role.name(), permissions);
            }
            case "remove" -> roles.remove(role.name());
            default -> throw unknown(command);
        }
    }

    private static void requireAdd(CliCommand command, Runnable add) {
        if (!command.operation().equals("add")) {
            throw unknown(command);
        }
        add.run();
    }

    private static IllegalArgumentException unknown(CliCommand command) {
        return new IllegalArgumentException("Not understood (teach org.switchboard.brokerconfig to carry it to "
                + "the brokers before using it): " + command);
    }

    /** Broker-wide attributes by their broker.xml element name. */
    public Map<String, String> brokerAttributes() {
        var byElement = new TreeMap<String, String>();
        brokerAttributes.forEach((k, v) -> byElement.put(BROKER_ATTRIBUTES.get(k), v));
        return byElement;
    }

    public List<Destination> destinations() {
        return List.copyOf(destinations.values());
    }

    /** Address settings by match, attributes by their CLI names, in declaration order. */
    public Map<String, Map<String, String>> addressSettings() {
        return Collections.unmodifiableMap(addressSettings);
    }

    public List<Divert> diverts() {
        return List.copyOf(diverts.values());
    }

    /** Security settings by match: role to permissions. A match with no role admits nobody. */
    public Map<String, Map<String, Set<Permission>>> securitySettings() {
        return Collections.unmodifiableMap(securitySettings);
    }

    public List<ConnectionFactory> connectionFactories() {
        return List.copyOf(connectionFactories.values());
    }

    /** Operations that configure WildFly's embedded broker only (its realm), with no broker counterpart. */
    public List<CliCommand> wildflySide() {
        return List.copyOf(wildflySide);
    }
}
