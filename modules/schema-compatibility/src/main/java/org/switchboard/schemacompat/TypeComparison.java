package org.switchboard.schemacompat;

import static org.switchboard.schemacompat.IncompatibilityRules.*;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.schemacompat.JsonValues.Kind;

/**
 * The keywords that decide which values a schema allows at all: {@code type}, {@code enum} and {@code const}, and
 * the keywords the checker does not model, which must then be equal on both sides. Part of one
 * {@link ReaderWriterComparison}; reports use the rule ids of {@link IncompatibilityRules}.
 */
final class TypeComparison {

    private TypeComparison() {}

    // ---- keywords the comparison does not model -------------------------------------------------------------

    static void reportUnsupported(Node r, Node w, String field, List<Incompatibility> out) {
        var keywords = new LinkedHashSet<String>(r.object().keySet());
        keywords.addAll(w.object().keySet());
        for (String keyword : keywords) {
            if (Keywords.isInert(keyword) || keyword.equals("$ref")) {
                continue;
            }
            boolean modeled = Keywords.MODELED.contains(keyword)
                    && Keywords.wellFormed(keyword, r.get(keyword))
                    && Keywords.wellFormed(keyword, w.get(keyword));
            if (modeled || SchemaEquality.keywordEqual(keyword, r, w)) {
                continue;
            }
            String where = !r.has(keyword)
                    ? "is only in the writer"
                    : !w.has(keyword) ? "is only in the reader" : "differs between writer and reader";
            out.add(new Incompatibility(
                    UNSUPPORTED_KEYWORD_CHANGED,
                    r.pointerTo(Node.escape(keyword)),
                    field,
                    "'" + keyword + "' " + where
                            + "; this checker does not model it, so it cannot prove the change safe"));
        }
    }

    // ---- types, enum and const ------------------------------------------------------------------------------

    static Set<Kind> declaredKinds(Node node) {
        JsonValue type = node.get("type");
        if (type == null || !Keywords.wellFormed("type", type)) {
            return EnumSet.allOf(Kind.class);
        }
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        List<JsonValue> names = type instanceof JsonArray array ? array : List.of(type);
        for (JsonValue name : names) {
            switch (((JsonString) name).getString()) {
                case "null" -> kinds.add(Kind.NULL);
                case "boolean" -> kinds.add(Kind.BOOLEAN);
                case "object" -> kinds.add(Kind.OBJECT);
                case "array" -> kinds.add(Kind.ARRAY);
                case "string" -> kinds.add(Kind.STRING);
                case "integer" -> kinds.add(Kind.INTEGER);
                case "number" -> {
                    kinds.add(Kind.INTEGER);
                    kinds.add(Kind.FRACTION);
                }
                default -> throw new IllegalStateException("not a type name: " + name);
            }
        }
        return kinds;
    }

    /** What the writer can produce: its declared types, cut down to the kinds of its enum/const values. */
    static Set<Kind> writerKinds(Node w) {
        Set<Kind> kinds = declaredKinds(w);
        List<JsonValue> values = writerValues(w);
        if (values != null) {
            kinds.retainAll(values.stream().map(JsonValues::kindOf).collect(Collectors.toSet()));
        }
        return kinds;
    }

    /** The finite set of values the writer's enum/const allows, or null when it allows any value. */
    private static List<JsonValue> writerValues(Node w) {
        JsonValue constant = w.get("const");
        if (w.get("enum") instanceof JsonArray values) {
            return constant == null
                    ? values
                    : values.stream().filter(v -> JsonValues.equal(v, constant)).toList();
        }
        return constant == null ? null : List.of(constant);
    }

    static String describeType(Node node) {
        JsonValue type = node.get("type");
        if (type == null) {
            return "any type";
        }
        List<JsonValue> names = type instanceof JsonArray array ? array : List.of(type);
        return names.stream()
                .map(name -> name instanceof JsonString text ? text.getString() : name.toString())
                .collect(Collectors.joining(" or "));
    }

    static String labels(Set<Kind> kinds) {
        return kinds.stream().map(k -> k.label).collect(Collectors.joining(", "));
    }

    static void compareValues(Node r, Node w, Set<Kind> relevant, String field, List<Incompatibility> out) {
        List<JsonValue> written = writerValues(w);
        if (written != null) {
            written = written.stream()
                    .filter(v -> relevant.contains(JsonValues.kindOf(v)))
                    .toList();
        }
        if (r.get("enum") instanceof JsonArray allowed) {
            if (written == null) {
                out.add(new Incompatibility(
                        ENUM_ARRAY_ADDED,
                        r.pointer(),
                        field,
                        "the reader restricts the value to " + JsonValues.display(allowed)
                                + " where the writer allows any value"));
            } else {
                var missing = written.stream()
                        .filter(v -> !JsonValues.contains(allowed, v))
                        .toList();
                if (!missing.isEmpty()) {
                    out.add(new Incompatibility(
                            ENUM_ARRAY_NARROWED,
                            r.pointer(),
                            field,
                            "the reader's enum lacks " + JsonValues.displayAll(missing) + ", which the writer allows"));
                }
            }
        }
        JsonValue constant = r.get("const");
        if (constant != null) {
            if (written == null) {
                out.add(new Incompatibility(
                        CONST_ADDED,
                        r.pointer(),
                        field,
                        "the reader requires the constant " + JsonValues.display(constant)
                                + " where the writer allows any value"));
            } else {
                var other = written.stream()
                        .filter(v -> !JsonValues.equal(v, constant))
                        .toList();
                if (!other.isEmpty()) {
                    out.add(new Incompatibility(
                            CONST_CHANGED,
                            r.pointer(),
                            field,
                            "the reader requires the constant " + JsonValues.display(constant)
                                    + " but the writer allows " + JsonValues.displayAll(other)));
                }
            }
        }
    }
}
