package org.switchboard.messaging.schema;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Switchboard's schema registry, as described by {@code schema/registry.json}: one subject per
 * message type and major version, each with a compatibility mode and its registered versions
 * (frozen snapshots, oldest first), plus the current schema that producers and consumers validate
 * against.
 *
 * <p>The current schema is the subject's latest version. When it equals the last snapshot it is that
 * version; when it differs it is the next, not yet registered, version, and the build's
 * compatibility gate checks it against the snapshots like any other version.
 *
 * <p>The same files serve the build (read from the source tree) and the running server (read from
 * the contracts jar, where they live under {@code /schema}).
 */
public final class SchemaRegistry {

    public static final String INDEX = "registry.json";

    /**
     * A subject: the schemas of one message type's major version, and how they may evolve. {@code kind}
     * (EVENT, COMMAND or NOTE) says whose contract it is, which decides the compatibility modes the build
     * accepts for it; kind, mode and lifecycle are kept as written, for the build's gate to judge.
     */
    public record Subject(
            String name,
            String messageType,
            int majorVersion,
            String kind,
            String compatibility,
            String lifecycle,
            String owner,
            String current,
            List<Snapshot> snapshots) {}

    /** A registered version's frozen file and the SHA-256 it was registered with. */
    public record Snapshot(String file, String sha256) {}

    /** One version of a subject's schema; the unregistered current schema has {@code registered = false}. */
    public record Version(int number, String location, boolean registered, JsonObject schema) {}

    private final Map<String, Subject> subjects = new LinkedHashMap<>();
    private final Map<String, JsonObject> documents = new LinkedHashMap<>();
    private final Map<String, String> fingerprints = new LinkedHashMap<>();

    private SchemaRegistry(Function<String, String> files) {
        var index = parse(files.apply(INDEX), INDEX);
        for (var entry : index.getJsonArray("subjects").getValuesAs(JsonObject.class)) {
            var subject = new Subject(
                    entry.getString("subject"),
                    entry.getString("messageType"),
                    entry.getInt("majorVersion"),
                    entry.getString("kind", ""),
                    entry.getString("compatibility"),
                    entry.getString("lifecycle", "ACTIVE"),
                    entry.getString("owner"),
                    entry.getString("current"),
                    entry.getJsonArray("versions").getValuesAs(JsonObject.class).stream()
                            .map(v -> new Snapshot(v.getString("file"), v.getString("sha256", "")))
                            .toList());
            if (subjects.putIfAbsent(subject.name(), subject) != null) {
                throw new IllegalStateException(INDEX + " lists subject " + subject.name() + " twice");
            }
            documents.put(subject.current(), parse(files.apply(subject.current()), subject.current()));
            for (var snapshot : subject.snapshots()) {
                var text = files.apply(snapshot.file());
                documents.put(snapshot.file(), parse(text, snapshot.file()));
                fingerprints.put(snapshot.file(), sha256(text));
            }
        }
    }

    /** The registry packaged in the contracts jar, as the running application sees it. */
    public static SchemaRegistry fromClasspath() {
        return new SchemaRegistry(path -> {
            try (InputStream in = SchemaRegistry.class.getResourceAsStream("/schema/" + path)) {
                if (in == null) {
                    throw new IllegalStateException("Schema file not on the classpath: /schema/" + path);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The registry in a source tree, e.g. {@code schema/} of a checkout. */
    public static SchemaRegistry fromDirectory(Path root) {
        return new SchemaRegistry(path -> {
            try {
                return Files.readString(root.resolve(path));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read schema file " + root.resolve(path), e);
            }
        });
    }

    public List<Subject> subjects() {
        return List.copyOf(subjects.values());
    }

    public Optional<Subject> subject(String name) {
        return Optional.ofNullable(subjects.get(name));
    }

    /** The subject of a message type's major version, e.g. {@code webstore.CustomerRegistered}, 2. */
    public Optional<Subject> subject(String messageType, int majorVersion) {
        return subjects.values().stream()
                .filter(s -> s.messageType().equals(messageType) && s.majorVersion() == majorVersion)
                .findFirst();
    }

    /** The major versions of a message type the registry knows, ascending. */
    public List<Integer> majorVersions(String messageType) {
        return subjects.values().stream()
                .filter(s -> s.messageType().equals(messageType))
                .map(Subject::majorVersion)
                .sorted()
                .toList();
    }

    public JsonObject current(Subject subject) {
        return documents.get(subject.current());
    }

    /** All versions, oldest first: the snapshots, then the current schema if it differs from the last one. */
    public List<Version> versions(Subject subject) {
        var versions = new ArrayList<Version>();
        for (var snapshot : subject.snapshots()) {
            versions.add(new Version(versions.size() + 1, snapshot.file(), true, documents.get(snapshot.file())));
        }
        var current = current(subject);
        if (versions.isEmpty() || !versions.get(versions.size() - 1).schema().equals(current)) {
            versions.add(new Version(versions.size() + 1, subject.current(), false, current));
        }
        return List.copyOf(versions);
    }

    /** The SHA-256 of a snapshot file as it is now (line endings normalised to LF), in hex. */
    public String sha256Of(String snapshot) {
        return fingerprints.get(snapshot);
    }

    static String sha256(String text) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject parse(String text, String location) {
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalStateException(location + " is not a JSON object");
            }
            return value.asJsonObject();
        } catch (jakarta.json.JsonException e) {
            throw new IllegalStateException(location + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
