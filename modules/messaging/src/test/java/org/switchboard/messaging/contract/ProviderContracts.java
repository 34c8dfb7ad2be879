package org.switchboard.messaging.contract;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.switchboard.messaging.JsonMessages;

/**
 * What Pact's own metadata matching misses, checked strictly for a provider: every header a
 * consumer declared for a message is there with the JSON kind it declared — an integer stays an
 * {@link Integer} (a JMS {@code int} property), never a {@code Long} or a {@code String} — and the
 * provider has a verification for every interaction consumers expect from it.
 */
public final class ProviderContracts {

    /** One interaction a consumer expects from the provider. */
    public record Expectation(String consumer, String description, JsonObject metadata) {}

    private ProviderContracts() {}

    /** The pact folder the build uses (system property {@code pactfolder.path}). */
    public static Path pactFolder() {
        var folder = System.getProperty("pactfolder.path");
        if (folder == null || folder.isBlank()) {
            throw new IllegalStateException("System property pactfolder.path is not set (see modules/pom.xml)");
        }
        return Path.of(folder);
    }

    /** Every interaction that any consumer's pact expects from this provider. */
    public static List<Expectation> expectationsOf(String provider) {
        var expectations = new ArrayList<Expectation>();
        try (Stream<Path> files = Files.list(pactFolder())) {
            for (var file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                JsonObject pact;
                try (var reader = Json.createReader(Files.newBufferedReader(file))) {
                    pact = reader.readObject();
                }
                if (!provider.equals(pact.getJsonObject("provider").getString("name"))) {
                    continue;
                }
                var consumer = pact.getJsonObject("consumer").getString("name");
                for (var interaction : pact.getJsonArray("interactions").getValuesAs(JsonObject.class)) {
                    expectations.add(new Expectation(
                            consumer,
                            interaction.getString("description"),
                            interaction.getJsonObject("metadata") == null
                                    ? JsonValue.EMPTY_JSON_OBJECT
                                    : interaction.getJsonObject("metadata")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read pacts in " + pactFolder(), e);
        }
        return expectations;
    }

    /** Header kinds that differ from what the consumer declared; empty when all match. */
    public static List<String> headerMismatches(Expectation expectation, Map<String, Object> headers) {
        var mismatches = new ArrayList<String>();
        for (var declared : expectation.metadata().entrySet()) {
            var name = declared.getKey();
            if ("contentType".equals(name)) {
                continue;
            }
            var actual = headers.get(name);
            var prefix = "consumer " + expectation.consumer() + ", '" + expectation.description() + "', header " + name;
            if (actual == null) {
                mismatches.add(prefix + ": missing");
            } else if (declared.getValue().getValueType() == JsonValue.ValueType.NUMBER
                    && !(actual instanceof Integer)) {
                mismatches.add(prefix + ": declared as an int property, sent as "
                        + actual.getClass().getSimpleName());
            } else if (declared.getValue().getValueType() == JsonValue.ValueType.STRING
                    && !(actual instanceof String)) {
                mismatches.add(prefix + ": declared as a String, sent as "
                        + actual.getClass().getSimpleName());
            }
        }
        return mismatches;
    }

    /**
     * Everything a provider's messages lack against its consumers' pacts, beyond what Pact checks:
     * an interaction without a message built for it, or a header of another kind than declared.
     * Empty when there is nothing to fix; fails when no pact names the provider at all.
     */
    public static List<String> problems(
            String provider, Map<String, ? extends java.util.function.Supplier<JsonMessages.Envelope>> messages) {
        var expectations = expectationsOf(provider);
        if (expectations.isEmpty()) {
            return List.of("No pact in " + pactFolder() + " names " + provider + " as its provider");
        }
        var problems = new ArrayList<String>();
        for (var expectation : expectations) {
            var message = messages.get(expectation.description());
            if (message == null) {
                problems.add("consumer " + expectation.consumer() + " expects '" + expectation.description()
                        + "', which " + provider + " builds no message for");
            } else {
                problems.addAll(headerMismatches(expectation, message.get().headers()));
            }
        }
        return problems;
    }
}
