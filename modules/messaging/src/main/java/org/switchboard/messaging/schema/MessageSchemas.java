package org.switchboard.messaging.schema;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.messaging.MessageType;

/**
 * Validates message bodies against the current JSON Schema (draft 2020-12) of their type and major
 * version, with format assertions on ({@code uuid}, {@code date-time}, {@code email} are checked,
 * not just annotations). Compiled schemas are thread-safe and cached; one instance serves the whole
 * application.
 */
public final class MessageSchemas {

    // Looked up once: each Json.createX looks the provider up through ServiceLoader, which under load
    // serialises threads on the class loader's jar files (docs/benchmarks/registration-open-model.md).
    private static final JsonProvider JSON = JsonProvider.provider();

    private final SchemaRegistry registry;
    private final Map<MessageType, Schema> compiled = new ConcurrentHashMap<>();
    private final Map<MessageType, Boolean> defaulted = new ConcurrentHashMap<>();
    private final com.networknt.schema.SchemaRegistry validators;

    public MessageSchemas(SchemaRegistry registry) {
        this.registry = registry;
        // Draft 2020-12, with "email" checked by Mailbox rather than the validator's own rule, which
        // also checks the top-level domain against a built-in list (and so refuses e.g. .example).
        var dialect = Dialect.builder(Dialects.getDraft202012())
                .format(new Format() {
                    @Override
                    public String getName() {
                        return "email";
                    }

                    @Override
                    public boolean matches(ExecutionContext context, String value) {
                        return Mailbox.isValid(value);
                    }
                })
                // Ids and timestamps without a regular expression or a date parser (FastFormats).
                .format(FastFormats.uuid())
                .format(FastFormats.dateTime())
                .build();
        this.validators = com.networknt.schema.SchemaRegistry.withDefaultDialect(
                dialect,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
    }

    /** The schemas packaged with the application (the contracts jar's {@code /schema}), loaded once. */
    public static MessageSchemas standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final MessageSchemas INSTANCE = new MessageSchemas(SchemaRegistry.fromClasspath());
    }

    public SchemaRegistry registry() {
        return registry;
    }

    /** Whether the registry has a schema for this type and major version. */
    public boolean knows(MessageType type) {
        return registry.subject(type.name(), type.version()).isPresent();
    }

    /**
     * The schema violations of a JSON body; empty when it is valid.
     *
     * @throws JsonException if the body is not JSON at all
     */
    public List<SchemaViolation> validate(MessageType type, String json) {
        var schema = compiled.computeIfAbsent(type, this::compile);
        if (json.isBlank()) {
            // The validator reads nothing as a missing value, JSON-P as no JSON at all.
            throw new JsonException("Body is empty");
        }
        List<Error> errors;
        try {
            errors = schema.validate(json, InputFormat.JSON);
        } catch (tools.jackson.core.JacksonException e) {
            if (readable(json)) {
                throw e; // The body is JSON: the failure is the validator's (a schema of ours), not the message's.
            }
            throw new JsonException("Body is not JSON: " + e.getOriginalMessage(), e);
        }
        var violations = new ArrayList<SchemaViolation>();
        for (Error error : errors) {
            violations.add(new SchemaViolation(field(error), error.getKeyword(), error.getMessage()));
        }
        return List.copyOf(violations);
    }

    /** Only asked when validation failed on a Jackson exception: whether the body itself is JSON. */
    private static boolean readable(String json) {
        try {
            STRICT.readTree(json);
            return true;
        } catch (tools.jackson.core.JacksonException e) {
            return false;
        }
    }

    private static final tools.jackson.databind.ObjectMapper STRICT = tools.jackson.databind.json.JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * The body with the schema's {@code default}s filled in for absent properties, at any depth
     * ({@code properties} and {@code items}; references are not followed). The registry's gate lets
     * a new version require a field that has a default, so a reader must fill it in before it
     * validates a message written before the field existed. Returns the body unchanged when
     * nothing is missing or it is not a JSON object, and without reading it when the schema declares
     * no default (the body is parsed once less per message: every schema today).
     *
     * @throws JsonException if the body is not JSON at all
     */
    public String withDefaults(MessageType type, String json) {
        var subject = registry.subject(type.name(), type.version())
                .orElseThrow(() -> new IllegalArgumentException("No schema registered for " + type));
        if (!defaulted.computeIfAbsent(type, t -> hasDefaults(registry.current(subject)))) {
            // Nothing to fill in: the body is not read here ({@link #validate} then tells non-JSON).
            return json;
        }
        JsonValue body;
        try (var reader = JSON.createReader(new StringReader(json))) {
            body = reader.readValue();
        }
        var filled = fill(registry.current(subject), body);
        return filled == body ? json : filled.toString();
    }

    /** Whether a default is declared anywhere {@link #fill} looks: under properties or items, at any depth. */
    static boolean hasDefaults(JsonObject schema) {
        if (schema.get("properties") instanceof JsonObject properties) {
            for (var definition : properties.values()) {
                if (definition instanceof JsonObject property
                        && (property.containsKey("default") || hasDefaults(property))) {
                    return true;
                }
            }
        }
        return schema.get("items") instanceof JsonObject items && (items.containsKey("default") || hasDefaults(items));
    }

    private static JsonValue fill(JsonObject schema, JsonValue value) {
        if (value instanceof JsonObject object && schema.get("properties") instanceof JsonObject properties) {
            JsonObjectBuilder changed = null;
            for (var property : properties.entrySet()) {
                if (!(property.getValue() instanceof JsonObject definition)) {
                    continue;
                }
                var present = object.get(property.getKey());
                JsonValue replacement = null;
                if (present == null && definition.containsKey("default")) {
                    replacement = definition.get("default");
                } else if (present != null) {
                    var inner = fill(definition, present);
                    replacement = inner == present ? null : inner;
                }
                if (replacement != null) {
                    changed = changed == null ? JSON.createObjectBuilder(object) : changed;
                    changed.add(property.getKey(), replacement);
                }
            }
            return changed == null ? value : changed.build();
        }
        if (value instanceof JsonArray array && schema.get("items") instanceof JsonObject items) {
            var builder = JSON.createArrayBuilder();
            var any = false;
            for (var element : array) {
                var inner = fill(items, element);
                any |= inner != element;
                builder.add(inner);
            }
            return any ? builder.build() : value;
        }
        return value;
    }

    private Schema compile(MessageType type) {
        var subject = registry.subject(type.name(), type.version())
                .orElseThrow(() -> new IllegalArgumentException("No schema registered for " + type));
        return validators.getSchema(registry.current(subject).toString(), InputFormat.JSON);
    }

    /**
     * The instance location as a field path: JSON pointer {@code /name/given} becomes
     * {@code name.given}, {@code /lines/0/sku} becomes {@code lines[0].sku}; a missing required or an
     * unexpected property is named itself.
     */
    static String field(Error error) {
        var path = new StringBuilder();
        var pointer = String.valueOf(error.getInstanceLocation());
        for (var segment : pointer.split("/")) {
            if (segment.isEmpty() || "$".equals(segment)) {
                continue;
            }
            var name = segment.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        var property = error.getProperty();
        if (property != null
                && ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))) {
            path.append(path.isEmpty() ? "" : ".").append(property);
        }
        return path.isEmpty() ? "(root)" : path.toString();
    }
}
