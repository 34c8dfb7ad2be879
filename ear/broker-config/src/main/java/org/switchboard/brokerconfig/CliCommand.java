package org.switchboard.brokerconfig;

import java.util.List;
import java.util.Map;

/**
 * One management operation of a CLI script, e.g.
 * {@code /subsystem=messaging-activemq/server=default/jms-queue=X:add(entries=["java:/jms/queue/X"])}.
 *
 * @param line where it stands in the script (1-based), for error messages
 * @param address the resource address, outermost first
 * @param operation the operation's name ({@code add}, {@code write-attribute}, {@code remove}, ...)
 * @param parameters the operation's parameters, values as written (quotes and brackets kept)
 */
public record CliCommand(int line, List<Segment> address, String operation, Map<String, String> parameters) {

    /** One {@code type=name} step of a resource address. */
    public record Segment(String type, String name) {}

    /** The address's steps after {@code prefix}, or null when the address does not start with it. */
    public List<Segment> under(List<Segment> prefix) {
        return address.size() >= prefix.size()
                        && address.subList(0, prefix.size()).equals(prefix)
                ? address.subList(prefix.size(), address.size())
                : null;
    }

    /** A parameter's value as a plain string: quotes removed, escapes resolved; null when absent. */
    public String string(String name) {
        var raw = parameters.get(name);
        return raw == null ? null : CliScript.unquote(raw);
    }

    /** A list parameter ({@code [a, "b"]}) as its elements; empty when absent. */
    public List<String> list(String name) {
        var raw = parameters.get(name);
        return raw == null ? List.of() : CliScript.list(raw);
    }

    @Override
    public String toString() {
        var path = new StringBuilder();
        address.forEach(s -> path.append('/').append(s.type()).append('=').append(s.name()));
        return "line " + line + ": " + path + ":" + operation + parameters;
    }
}
