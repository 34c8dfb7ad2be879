package org.switchboard.schemacompat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;

/**
 * A subschema together with where it sits: its JSON pointer in its document and the document its {@code $ref}s
 * resolve in. {@code restOfRef} marks the sibling keywords of a {@code $ref} taken apart from it; such a node
 * still counts as sitting next to an in-place applicator (which matters for {@code unevaluated*}). Nodes with a
 * null document are synthetic ({@code true} or {@code false} standing in for an absent keyword).
 */
record Node(JsonValue json, String pointer, SchemaDocument doc, boolean restOfRef) {

    static Node anything(String pointer) {
        return new Node(JsonValue.TRUE, pointer, null, false);
    }

    static Node nothing(String pointer) {
        return new Node(JsonValue.FALSE, pointer, null, false);
    }

    /**
     * Identity for the cycle guards: where it is and whether it is the rest of a split {@code $ref}. Synthetic
     * nodes are identified by their value alone, so that walking a recursive schema against "anything" ends.
     */
    String key() {
        return doc == null ? "synthetic:" + json : pointer + (restOfRef ? "#rest" : "");
    }

    boolean isObject() {
        return json instanceof JsonObject;
    }

    JsonObject object() {
        return json instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }

    boolean isFalse() {
        return json == JsonValue.FALSE || JsonValue.FALSE.equals(json);
    }

    /** True for {@code true} and for objects without any assertion keyword ({@code {}}, only annotations). */
    boolean acceptsEverything() {
        if (JsonValue.TRUE.equals(json)) {
            return true;
        }
        return json instanceof JsonObject object && object.keySet().stream().allMatch(Keywords::isInert);
    }

    JsonValue get(String keyword) {
        return object().get(keyword);
    }

    boolean has(String keyword) {
        return object().containsKey(keyword);
    }

    Node child(String keyword) {
        return new Node(object().get(keyword), pointer + "/" + escape(keyword), doc, false);
    }

    Node child(String keyword, String name) {
        return new Node(
                object().getJsonObject(keyword).get(name), pointer + "/" + keyword + "/" + escape(name), doc, false);
    }

    Node child(String keyword, int index) {
        return new Node(object().getJsonArray(keyword).get(index), pointer + "/" + keyword + "/" + index, doc, false);
    }

    /** The location a named child would have, whether or not it exists. */
    String pointerTo(String keyword, String name) {
        return pointer + "/" + keyword + "/" + escape(name);
    }

    String pointerTo(String keyword) {
        return pointer + "/" + keyword;
    }

    /** The {@code $ref} string, or null when there is none. */
    String ref() {
        return get("$ref") instanceof JsonString ref ? ref.getString() : null;
    }

    /** A {@code $ref} whose siblings are only annotations: the node means exactly its target. */
    boolean isPureRef() {
        return ref() != null && object().keySet().stream().allMatch(k -> k.equals("$ref") || Keywords.isInert(k));
    }

    /** The sibling keywords of this node's {@code $ref}, without it. */
    Node withoutRef() {
        var builder = Json.createObjectBuilder(object());
        builder.remove("$ref");
        return new Node(builder.build(), pointer, doc, true);
    }

    /** Follows {@code $ref}s that stand for their target alone; stops at anything else or at a loop. */
    Node deref() {
        Node current = this;
        var seen = new HashSet<String>();
        while (current.doc != null && current.isPureRef() && seen.add(current.pointer)) {
            Node target = current.doc.resolve(current.ref());
            if (target == null) {
                return current;
            }
            current = target;
        }
        return current;
    }

    /** The resolved target of this node's {@code $ref}, or null when it cannot be resolved. */
    Node refTarget() {
        String ref = ref();
        if (ref == null || doc == null) {
            return null;
        }
        Node target = doc.resolve(ref);
        if (target == null) {
            return null;
        }
        Node resolved = target.deref();
        return resolved.isPureRef() ? null : resolved;
    }

    /** Whether the node sits next to keywords that evaluate properties or items in place. */
    boolean hasInPlaceApplicators() {
        return restOfRef || object().keySet().stream().anyMatch(Keywords.IN_PLACE_APPLICATORS::contains);
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
