package org.switchboard.brokerconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads the subset of the WildFly CLI that {@code jms-config/} uses: comments, guards
 * ({@code if (...) of ...} / {@code end-if}), {@code batch} / {@code run-batch}, and operations with
 * their parameters. The guards only make the scripts re-runnable; declaratively every guarded
 * operation is part of the configuration, so their bodies are read and their conditions skipped.
 * Anything else (an {@code else}, a {@code reload}, a command that is not an operation) is refused
 * rather than guessed at.
 */
public final class CliScript {

    private CliScript() {}

    public static List<CliCommand> parse(String script) {
        var commands = new ArrayList<CliCommand>();
        var lines = script.split("\n", -1);
        for (var i = 0; i < lines.length; i++) {
            var line = lines[i].strip();
            var number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("if ") || line.startsWith("if(")) {
                if (!line.contains(" of ")) {
                    throw new IllegalArgumentException("Line " + number + ": a guard without 'of': " + line);
                }
                continue;
            }
            switch (line) {
                case "end-if", "batch", "run-batch" -> {}
                default -> {
                    if (!line.startsWith("/")) {
                        throw new IllegalArgumentException("Line " + number + ": not an operation: " + line);
                    }
                    commands.add(command(number, line));
                }
            }
        }
        return List.copyOf(commands);
    }

    private static CliCommand command(int number, String text) {
        var colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Line " + number + ": no operation: " + text);
        }
        var address = new ArrayList<CliCommand.Segment>();
        for (var step : text.substring(1, colon).split("/")) {
            var equals = step.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("Line " + number + ": not type=name: " + step);
            }
            address.add(new CliCommand.Segment(step.substring(0, equals), step.substring(equals + 1)));
        }
        var rest = text.substring(colon + 1);
        var open = rest.indexOf('(');
        var parameters = new LinkedHashMap<String, String>();
        String operation;
        if (open < 0) {
            operation = rest.strip();
        } else {
            if (!rest.endsWith(")")) {
                throw new IllegalArgumentException("Line " + number + ": unbalanced parameters: " + text);
            }
            operation = rest.substring(0, open).strip();
            for (var parameter : split(rest.substring(open + 1, rest.length() - 1))) {
                var equals = parameter.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("Line " + number + ": not name=value: " + parameter);
                }
                parameters.put(
                        parameter.substring(0, equals).strip(),
                        parameter.substring(equals + 1).strip());
            }
        }
        return new CliCommand(number, List.copyOf(address), operation, parameters);
    }

    /** Splits on commas outside quotes, brackets and braces; blank parts are dropped. */
    static List<String> split(String text) {
        var parts = new ArrayList<String>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> quoted = true;
                case '[', '{' -> depth++;
                case ']', '}' -> depth--;
                case ',' -> {
                    if (depth == 0) {
                        parts.add(text.substring(start, i).strip());
                        start = i + 1;
                    }
                }
                default -> {}
            }
        }
        parts.add(text.substring(start).strip());
        parts.removeIf(String::isEmpty);
        return parts;
    }

    /** A value without its surrounding quotes, with {@code \"} and {@code \\} resolved. */
    static String unquote(String value) {
        var v = value.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return v;
    }

    /** The elements of a list value {@code [a, "b"]}. */
    static List<String> list(String value) {
        var v = value.strip();
        if (!v.startsWith("[") || !v.endsWith("]")) {
            throw new IllegalArgumentException("Not a list: " + value);
        }
        return split(v.substring(1, v.length() - 1)).stream()
                .map(CliScript::unquote)
                .toList();
    }
}
