package org.switchboard.schemacompat;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Set;

/** Which keywords the checker understands, which it ignores, and what a well-formed value of each looks like. */
final class Keywords {

    private Keywords() {}

    /** Annotations and identifiers: they never change which instances are valid. */
    static final Set<String> ANNOTATIONS = Set.of(
            "title",
            "description",
            "examples",
            "$comment",
            "deprecated",
            "readOnly",
            "writeOnly",
            "default",
            "$id",
            "$schema",
            "$anchor",
            "$dynamicAnchor",
            "$vocabulary");

    /** Holders of reusable definitions: only what a {@code $ref} points at matters. */
    static final Set<String> DEFINITIONS = Set.of("$defs", "definitions");

    /** Keywords the comparison models itself; any other keyword is only compared for equality. */
    static final Set<String> MODELED = Set.of(
            "type",
            "enum",
            "const",
            "maxLength",
            "minLength",
            "pattern",
            "format",
            "maximum",
            "minimum",
            "exclusiveMaximum",
            "exclusiveMinimum",
            "multipleOf",
            "maxItems",
            "minItems",
            "uniqueItems",
            "items",
            "prefixItems",
            "unevaluatedItems",
            "maxProperties",
            "minProperties",
            "required",
            "properties",
            "additionalProperties",
            "unevaluatedProperties",
            "dependentRequired",
            "$ref");

    /** Keywords whose evaluation makes properties or items "evaluated" for {@code unevaluated*}. */
    static final Set<String> IN_PLACE_APPLICATORS =
            Set.of("allOf", "anyOf", "oneOf", "if", "then", "else", "dependentSchemas", "$dynamicRef", "contains");

    /** Keywords whose value is one subschema. */
    static final Set<String> SCHEMA_VALUED = Set.of(
            "items",
            "not",
            "if",
            "then",
            "else",
            "additionalProperties",
            "unevaluatedProperties",
            "unevaluatedItems",
            "contains",
            "propertyNames",
            "additionalItems",
            "contentSchema");

    /** Keywords whose value maps names to subschemas. */
    static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "dependentSchemas");

    /** Keywords whose value is a list of subschemas. */
    static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems", "items");

    /** Keywords whose array value is a set: order and duplicates do not matter. */
    static final Set<String> SET_VALUED = Set.of("type", "enum", "required");

    static boolean isInert(String keyword) {
        return ANNOTATIONS.contains(keyword) || DEFINITIONS.contains(keyword);
    }

    static boolean isSchema(JsonValue value) {
        return value instanceof JsonObject
                || value.getValueType() == JsonValue.ValueType.TRUE
                || value.getValueType() == JsonValue.ValueType.FALSE;
    }

    /** Whether the value has the shape the comparison expects; an absent value counts as well-formed. */
    static boolean wellFormed(String keyword, JsonValue value) {
        if (value == null) {
            return true;
        }
        return switch (keyword) {
            case "type" ->
                value instanceof JsonString type && isTypeName(type.getString())
                        || value instanceof JsonArray types
                                && types.stream()
                                        .allMatch(t -> t instanceof JsonString name && isTypeName(name.getString()));
            case "enum" -> value instanceof JsonArray;
            case "const" -> true;
            case "maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties" ->
                value instanceof JsonNumber number && number.bigDecimalValue().signum() >= 0;
            case "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum" -> value instanceof JsonNumber;
            case "multipleOf" ->
                value instanceof JsonNumber number && number.bigDecimalValue().signum() > 0;
            case "pattern", "format", "$ref" -> value instanceof JsonString;
            case "uniqueItems" ->
                value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE;
            case "items", "unevaluatedItems", "additionalProperties", "unevaluatedProperties" -> isSchema(value);
            case "prefixItems" ->
                value instanceof JsonArray items && items.stream().allMatch(Keywords::isSchema);
            case "required" ->
                value instanceof JsonArray names && names.stream().allMatch(JsonString.class::isInstance);
            case "properties" ->
                value instanceof JsonObject properties
                        && properties.values().stream().allMatch(Keywords::isSchema);
            case "dependentRequired" ->
                value instanceof JsonObject dependencies
                        && dependencies.values().stream()
                                .allMatch(names -> names instanceof JsonArray array
                                        && array.stream().allMatch(JsonString.class::isInstance));
            default -> false;
        };
    }

    private static boolean isTypeName(String name) {
        return Set.of("null", "boolean", "object", "array", "string", "number", "integer")
                .contains(name);
    }

    static BigDecimal number(Node node, String keyword) {
        return node.get(keyword) instanceof JsonNumber number && wellFormed(keyword, number)
                ? number.bigDecimalValue()
                : null;
    }

    static String string(Node node, String keyword) {
        return node.get(keyword) instanceof JsonString string ? string.getString() : null;
    }
}
