package org.switchboard.schemacompat;

import static org.switchboard.schemacompat.IncompatibilityRules.*;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which schema applies to each member of an array or object (tuple positions, the items after them, declared
 * and undeclared properties), and what an object requires of its members ({@code required}, {@code
 * dependentRequired}). Part of one {@link ReaderWriterComparison}.
 */
final class Members {

    private Members() {}

    static int prefixSize(Node node) {
        return Keywords.wellFormed("prefixItems", node.get("prefixItems"))
                        && node.get("prefixItems") instanceof JsonArray prefix
                ? prefix.size()
                : 0;
    }

    static Node itemAt(Node node, int index, boolean reader) {
        return index < prefixSize(node) ? node.child("prefixItems", index) : tailItems(node, reader);
    }

    /**
     * The schema for items after the tuple prefix. {@code unevaluatedItems} stands in for a missing {@code items}
     * unless in-place applicators could evaluate items too; then the reader is taken as closed and the writer as
     * open, the safe guesses.
     */
    static Node tailItems(Node node, boolean reader) {
        if (node.has("items") && Keywords.isSchema(node.get("items"))) {
            return node.child("items");
        }
        if (node.has("unevaluatedItems") && Keywords.isSchema(node.get("unevaluatedItems"))) {
            if (node.hasInPlaceApplicators()) {
                return reader
                        ? Node.nothing(node.pointerTo("unevaluatedItems"))
                        : Node.anything(node.pointerTo("unevaluatedItems"));
            }
            return node.child("unevaluatedItems");
        }
        return Node.anything(node.pointerTo("items"));
    }

    private static Set<String> names(Node node, String keyword) {
        if (!(node.get(keyword) instanceof JsonArray array) || !Keywords.wellFormed(keyword, array)) {
            return Set.of();
        }
        return array.stream()
                .map(v -> ((JsonString) v).getString())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static JsonObject properties(Node node) {
        return node.get("properties") instanceof JsonObject properties && Keywords.wellFormed("properties", properties)
                ? properties
                : JsonValue.EMPTY_JSON_OBJECT;
    }

    /**
     * A property the reader requires and the writer does not is fine when the reader gives it a {@code default}:
     * Confluent's REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL. Strict validation would still
     * reject such data, so this is a deliberate concession to registry practice, not a validation fact.
     */
    static void compareRequired(Node r, Node w, String field, List<Incompatibility> out) {
        Set<String> writerRequired = names(w, "required");
        JsonObject readerProperties = properties(r);
        for (String name : names(r, "required")) {
            if (writerRequired.contains(name)) {
                continue;
            }
            if (readerProperties.containsKey(name) && hasDefault(r.child("properties", name))) {
                continue;
            }
            String why = properties(w).containsKey(name)
                    ? "which is optional in the writer"
                    : "which the writer does not declare";
            out.add(new Incompatibility(
                    REQUIRED_PROPERTY_ADDED,
                    r.pointerTo("required"),
                    Fields.property(field, name),
                    "the reader requires '" + name + "', " + why + ", and gives it no default"));
        }
    }

    private static boolean hasDefault(Node property) {
        return property.has("default") || property.deref().has("default");
    }

    static void compareDependentRequired(Node r, Node w, String field, List<Incompatibility> out) {
        if (!(r.get("dependentRequired") instanceof JsonObject reader)
                || !Keywords.wellFormed("dependentRequired", reader)) {
            return;
        }
        JsonObject writer = w.get("dependentRequired") instanceof JsonObject dependencies
                        && Keywords.wellFormed("dependentRequired", dependencies)
                ? dependencies
                : JsonValue.EMPTY_JSON_OBJECT;
        Set<String> writerRequired = names(w, "required");
        for (String trigger : reader.keySet()) {
            Set<String> promised = new HashSet<>(writerRequired);
            if (writer.get(trigger) instanceof JsonArray array) {
                array.forEach(v -> promised.add(((JsonString) v).getString()));
            }
            for (JsonValue dependency : reader.getJsonArray(trigger)) {
                String name = ((JsonString) dependency).getString();
                if (!promised.contains(name)) {
                    out.add(new Incompatibility(
                            DEPENDENT_REQUIRED_ADDED,
                            r.pointerTo("dependentRequired"),
                            Fields.property(field, trigger),
                            "the reader requires '" + name + "' whenever '" + trigger
                                    + "' is present; the writer does not"));
                }
            }
        }
    }

    /**
     * The schema an object applies to a property it does not declare. {@code unevaluatedProperties} counts like
     * {@code additionalProperties} unless in-place applicators could evaluate properties too; then the reader is
     * taken as closed and the writer as open.
     */
    static Node additional(Node node, boolean reader) {
        if (node.has("additionalProperties") && Keywords.isSchema(node.get("additionalProperties"))) {
            return node.child("additionalProperties");
        }
        if (node.has("unevaluatedProperties") && Keywords.isSchema(node.get("unevaluatedProperties"))) {
            if (node.hasInPlaceApplicators()) {
                return reader
                        ? Node.nothing(node.pointerTo("unevaluatedProperties"))
                        : Node.anything(node.pointerTo("unevaluatedProperties"));
            }
            return node.child("unevaluatedProperties");
        }
        return Node.anything(node.pointerTo("additionalProperties"));
    }

    static List<Node> patternSchemas(Node node) {
        if (!(node.get("patternProperties") instanceof JsonObject patterns)) {
            return List.of();
        }
        return patterns.keySet().stream()
                .filter(p -> Keywords.isSchema(patterns.get(p)))
                .map(p -> node.child("patternProperties", p))
                .toList();
    }
}
