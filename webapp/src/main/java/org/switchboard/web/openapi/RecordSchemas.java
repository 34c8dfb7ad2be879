package org.switchboard.web.openapi;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 has them) of the types JSON-B writes: a record becomes an
 * object with exactly its components, named in {@link #components()} and referenced where it is
 * used. JSON-B leaves out null values, so only primitives are required. A record shown flat (see
 * Operations' FlatJson) has its parts' components at its own level. A type this class does not
 * know is refused, so a new kind of field cannot go undocumented.
 */
final class RecordSchemas {

    static final String REF_PREFIX = "#/components/schemas/";

    private final Set<Class<?>> flat;
    private final Map<String, JsonObject> components = new TreeMap<>();
    private final Map<String, Class<?>> named = new LinkedHashMap<>();

    RecordSchemas(Set<Class<?>> flat) {
        this.flat = Set.copyOf(flat);
    }

    /** Every record schema met so far, by name. */
    Map<String, JsonObject> components() {
        return Map.copyOf(components);
    }

    /** The schema of a value of this Java type; a record is referenced, and defined once. */
    JsonObject of(Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            var arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Json.createObjectBuilder()
                        .add("type", "array")
                        .add("items", of(arguments[0]))
                        .build();
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Json.createObjectBuilder()
                        .add("type", "object")
                        .add("additionalProperties", of(arguments[1]))
                        .build();
            }
            if (raw == Optional.class) {
                return of(arguments[0]);
            }
        }
        if (type instanceof Class<?> plain) {
            return ofClass(plain);
        }
        throw new IllegalArgumentException("No JSON schema for " + type.getTypeName());
    }

    private JsonObject ofClass(Class<?> type) {
        if (type == String.class) {
            return simple("string");
        }
        if (type == boolean.class || type == Boolean.class) {
            return simple("boolean");
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return simple("integer");
        }
        if (type == double.class || type == Double.class || type == float.class || type == BigDecimal.class) {
            return simple("number");
        }
        if (type == Object.class || type == JsonValue.class) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (type == JsonObject.class) {
            return simple("object");
        }
        var format = format(type);
        if (format != null) {
            return Json.createObjectBuilder()
                    .add("type", "string")
                    .add("format", format)
                    .build();
        }
        if (type.isEnum()) {
            var values = Json.createArrayBuilder();
            for (var constant : type.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return Json.createObjectBuilder()
                    .add("type", "string")
                    .add("enum", values)
                    .build();
        }
        if (type.isRecord()) {
            return Json.createObjectBuilder()
                    .add("$ref", REF_PREFIX + define(type))
                    .build();
        }
        throw new IllegalArgumentException("No JSON schema for " + type.getName());
    }

    private static String format(Class<?> type) {
        if (type == UUID.class) {
            return "uuid";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "date-time";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == Duration.class) {
            return "duration";
        }
        return type == URI.class ? "uri" : null;
    }

    private String define(Class<?> record) {
        var name = name(record);
        var known = named.putIfAbsent(name, record);
        if (known != null && known != record) {
            throw new IllegalStateException("Two records would share the schema name " + name + ": " + known.getName()
                    + ", " + record.getName());
        }
        if (known == null) {
            var properties = Json.createObjectBuilder();
            var required = Json.createArrayBuilder();
            addComponents(record, flat.contains(record), properties, required);
            components.put(
                    name,
                    Json.createObjectBuilder()
                            .add("type", "object")
                            .add("properties", properties)
                            .add("required", required)
                            .add("additionalProperties", false)
                            .build());
        }
        return name;
    }

    private void addComponents(
            Class<?> record, boolean flatten, JsonObjectBuilder properties, JsonArrayBuilder required) {
        for (var component : record.getRecordComponents()) {
            if (flatten && component.getType().isRecord()) {
                addComponents(component.getType(), true, properties, required);
                continue;
            }
            properties.add(component.getName(), of(component.getGenericType()));
            if (component.getType().isPrimitive()) {
                required.add(component.getName());
            }
        }
    }

    /** A top-level record by its name; a nested one prefixed by its owner's, unless the owner is a resource. */
    static String name(Class<?> record) {
        var owner = record.getEnclosingClass();
        if (owner == null || owner.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
            return record.getSimpleName();
        }
        return owner.getSimpleName() + record.getSimpleName();
    }

    private static JsonObject simple(String type) {
        return Json.createObjectBuilder().add("type", type).build();
    }
}
