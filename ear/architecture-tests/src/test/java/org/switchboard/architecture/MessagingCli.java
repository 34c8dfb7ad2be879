package org.switchboard.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code jms-config/messaging.cli} declares, read from the script's text: the JMS destinations
 * and each address setting's attributes as written (in {@code add(...)} or {@code write-attribute}).
 * Only lines that operate on a resource below {@code /subsystem=messaging-activemq/server=default/}
 * count; the {@code if ... read-resource} guards are skipped. How Artemis resolves the settings of
 * an address (wildcards, precedence) is not re-implemented here: {@code AddressSettingsIT} reads
 * the resolved settings from the running broker.
 */
final class MessagingCli {

    private static final Pattern OPERATION = Pattern.compile(
            "^/subsystem=messaging-activemq/server=default/([a-z-]+)=([^:]+):(add|write-attribute)(?:\\((.*)\\))?$");
    private static final Pattern EXPRESSION = Pattern.compile("^\\$\\{([^:}]+)(?::([^}]*))?}$");

    /** A JMS destination: kind {@code topic} or {@code queue}. */
    record Destination(String name, String kind, List<String> entries, Boolean durable) {
        String coreAddress() {
            return "jms." + kind + "." + name;
        }
    }

    /**
     * One attribute value as written in the script. An expression {@code ${property:default}} is kept
     * with its property and default; a literal has no property.
     */
    record Value(String raw, String resolved, String property) {
        static Value of(String raw) {
            var expression = EXPRESSION.matcher(raw);
            if (expression.matches()) {
                if (expression.group(2) == null) {
                    throw new IllegalStateException("Expression " + raw + " in messaging.cli has no default");
                }
                return new Value(raw, expression.group(2), expression.group(1));
            }
            return new Value(raw, raw, null);
        }
    }

    /**
     * An address setting: its match (a core address, possibly with {@code #} or {@code *}) and the
     * attributes the script writes for it, each with every value the script gives it (more than one
     * is a fact written twice).
     */
    record AddressSetting(String match, Map<String, List<Value>> attributes) {

        /** The attribute's value, when the script writes it exactly once. */
        Optional<Value> value(String attribute) {
            var values = attributes.getOrDefault(attribute, List.of());
            return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
        }
    }

    /** An {@code add} of a resource type this class does not model (e.g. a divert or a bridge). */
    record OtherResource(String resourceType, String name) {}

    private final Map<String, Destination> destinations = new LinkedHashMap<>();
    private final Map<String, AddressSetting> addressSettings = new LinkedHashMap<>();
    private final List<OtherResource> otherResources = new ArrayList<>();

    /** A divert: a copy (or, when exclusive, the original) of what reaches one address goes to another. */
    record Divert(String name, String divertAddress, String forwardingAddress, boolean exclusive, String filter) {}

    private final Map<String, Divert> diverts = new LinkedHashMap<>();

    /** A pooled connection factory: a context's resource adapter, with its JNDI names and broker user. */
    record PooledConnectionFactory(String name, List<String> entries, String user) {}

    private final Map<String, PooledConnectionFactory> pooledConnectionFactories = new LinkedHashMap<>();

    /** Security settings: address match → role → the permissions granted (send, consume, ...). */
    private final Map<String, Map<String, java.util.Set<String>>> securitySettings = new LinkedHashMap<>();

    private MessagingCli() {}

    static MessagingCli read(Path script) {
        List<String> lines;
        try {
            lines = Files.readAllLines(script);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + script, e);
        }
        var cli = new MessagingCli();
        for (var line : lines) {
            var operation = OPERATION.matcher(line.strip());
            if (operation.matches()) {
                cli.apply(operation);
            }
        }
        return cli;
    }

    private void apply(Matcher operation) {
        var type = operation.group(1);
        var name = operation.group(2);
        var arguments = arguments(operation.group(4) == null ? "" : operation.group(4));
        if ("write-attribute".equals(operation.group(3))) {
            if ("address-setting".equals(type)) {
                setting(name)
                        .attributes()
                        .computeIfAbsent(unquote(arguments.get("name")), key -> new ArrayList<>())
                        .add(Value.of(unquote(arguments.get("value"))));
            }
            return;
        }
        switch (type) {
            case "jms-topic", "jms-queue" -> {
                var durable = arguments.get("durable");
                destinations.put(
                        name,
                        new Destination(
                                name,
                                type.substring("jms-".length()),
                                list(arguments.getOrDefault("entries", "[]")),
                                durable == null ? null : Boolean.valueOf(unquote(durable))));
            }
            case "address-setting" ->
                arguments.forEach((key, value) -> setting(name)
                        .attributes()
                        .computeIfAbsent(key, k -> new ArrayList<>())
                        .add(Value.of(unquote(value))));
            case "pooled-connection-factory" ->
                pooledConnectionFactories.put(
                        name,
                        new PooledConnectionFactory(
                                name, list(arguments.getOrDefault("entries", "[]")), unquote(arguments.get("user"))));
            case "security-setting" -> {
                var role = name.indexOf("/role=");
                var roles = securitySettings.computeIfAbsent(
                        role < 0 ? name : name.substring(0, role), m -> new LinkedHashMap<>());
                if (role >= 0) {
                    var granted = new java.util.TreeSet<String>();
                    arguments.forEach((permission, value) -> {
                        if (Boolean.parseBoolean(unquote(value))) {
                            granted.add(permission);
                        }
                    });
                    roles.put(name.substring(role + "/role=".length()), granted);
                }
            }
            case "divert" ->
                diverts.put(
                        name,
                        new Divert(
                                name,
                                unquote(arguments.get("divert-address")),
                                unquote(arguments.get("forwarding-address")),
                                Boolean.parseBoolean(unquote(arguments.getOrDefault("exclusive", "false"))),
                                arguments.get("filter") == null ? null : unquote(arguments.get("filter"))));
            default -> otherResources.add(new OtherResource(type, name));
        }
    }

    Map<String, PooledConnectionFactory> pooledConnectionFactories() {
        return pooledConnectionFactories;
    }

    /**
     * Who may do what on a core address: the most specific security setting that matches it, as a
     * whole (Artemis does not merge them); none at all when only WildFly's {@code #} matches.
     */
    Map<String, java.util.Set<String>> permissionsOn(String coreAddress) {
        var exact = securitySettings.get(coreAddress);
        if (exact != null) {
            return exact;
        }
        return securitySettings.entrySet().stream()
                .filter(e -> e.getKey().endsWith(".#"))
                .filter(e -> {
                    var prefix = e.getKey().substring(0, e.getKey().length() - 2);
                    return coreAddress.equals(prefix) || coreAddress.startsWith(prefix + ".");
                })
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse(Map.of());
    }

    Map<String, Destination> destinations() {
        return destinations;
    }

    Map<String, AddressSetting> addressSettings() {
        return addressSettings;
    }

    Map<String, Divert> diverts() {
        return diverts;
    }

    List<OtherResource> otherResources() {
        return otherResources;
    }

    private AddressSetting setting(String match) {
        return addressSettings.computeIfAbsent(match, m -> new AddressSetting(m, new LinkedHashMap<>()));
    }

    /** {@code a=1, b="x,y", c=["p","q"]} as a map of raw values, split only at top-level commas. */
    static Map<String, String> arguments(String text) {
        var arguments = new LinkedHashMap<String, String>();
        var current = new StringBuilder();
        boolean quoted = false;
        int brackets = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                brackets++;
            } else if (!quoted && c == ']') {
                brackets--;
            }
            if (c == ',' && !quoted && brackets == 0) {
                var argument = current.toString().strip();
                if (!argument.isEmpty()) {
                    int equals = argument.indexOf('=');
                    if (equals < 0) {
                        throw new IllegalStateException("Not name=value in messaging.cli: " + argument);
                    }
                    arguments.put(
                            argument.substring(0, equals).strip(),
                            argument.substring(equals + 1).strip());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return arguments;
    }

    private static List<String> list(String raw) {
        var inner = raw.strip();
        if (!inner.startsWith("[") || !inner.endsWith("]")) {
            return List.of(unquote(inner));
        }
        inner = inner.substring(1, inner.length() - 1).strip();
        if (inner.isEmpty()) {
            return List.of();
        }
        return List.of(inner.split(",")).stream().map(MessagingCli::unquote).toList();
    }

    private static String unquote(String raw) {
        if (raw == null) {
            return null;
        }
        var value = raw.strip();
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
