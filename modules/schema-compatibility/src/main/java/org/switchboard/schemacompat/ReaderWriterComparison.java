package org.switchboard.schemacompat;

import static org.switchboard.schemacompat.IncompatibilityRules.*;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.schemacompat.JsonValues.Kind;

/**
 * One walk over a reader schema and a writer schema side by side, collecting every reason the reader may reject
 * an instance the writer accepts. The walk only ever errs towards reporting: whatever it cannot model, it
 * compares for equality, and where it has to guess it assumes the strictest reader and the loosest writer.
 */
final class ReaderWriterComparison {

    static final String ROOT_FIELD = "(root)";

    /** Pairs (reader node, writer node) under comparison: met again through a $ref, they are assumed fine. */
    private final Set<String> inProgress = new HashSet<>();

    private ReaderWriterComparison() {}

    static List<Incompatibility> compare(JsonObject reader, JsonObject writer) {
        var out = new ArrayList<Incompatibility>();
        new ReaderWriterComparison()
                .compare(new SchemaDocument(reader).root(), new SchemaDocument(writer).root(), ROOT_FIELD, out);
        return List.copyOf(out);
    }

    private void compare(Node reader, Node writer, String field, List<Incompatibility> out) {
        Node r = reader.deref();
        Node w = writer.deref();
        String pair = r.key() + "\u0000" + w.key();
        if (!inProgress.add(pair)) {
            return;
        }
        try {
            compareResolved(r, w, field, out);
        } finally {
            inProgress.remove(pair);
        }
    }

    private List<Incompatibility> subCompare(Node reader, Node writer, String field) {
        var out = new ArrayList<Incompatibility>();
        compare(reader, writer, field, out);
        return out;
    }

    private void compareResolved(Node r, Node w, String field, List<Incompatibility> out) {
        if (w.isFalse() || r.acceptsEverything() || SchemaEquality.equal(r, w)) {
            return;
        }
        if (r.isFalse()) {
            out.add(new Incompatibility(
                    SCHEMA_NARROWED_TO_FALSE,
                    r.pointer(),
                    field,
                    "the reader schema is false and rejects every value, where the writer allows values"));
            return;
        }
        if (r.ref() != null || w.ref() != null) {
            compareWithRefs(r, w, field, out);
            return;
        }
        compareKeywords(r, w, field, out);
    }

    /**
     * At least one side has a {@code $ref} that is not simply replaced by its target: it has sibling keywords, or
     * it cannot be resolved. A reader that is "target and siblings" needs the writer to satisfy both; a writer
     * that is "target and siblings" is fine when either part alone already satisfies the reader.
     */
    private void compareWithRefs(Node r, Node w, String field, List<Incompatibility> out) {
        Node readerTarget = r.ref() == null ? null : r.refTarget();
        Node writerTarget = w.ref() == null ? null : w.refTarget();
        if (r.ref() != null && w.ref() != null) {
            if (readerTarget != null && writerTarget != null) {
                compare(readerTarget, writerTarget, field, out);
                compare(r.withoutRef(), w.withoutRef(), field, out);
            } else if (readerTarget == null && writerTarget == null && r.ref().equals(w.ref())) {
                compare(r.withoutRef(), w.withoutRef(), field, out);
            } else {
                out.add(unresolvable(r, w, field));
            }
            return;
        }
        if (r.ref() != null) {
            if (readerTarget == null) {
                out.add(unresolvable(r, w, field));
                return;
            }
            compare(readerTarget, w, field, out);
            compare(r.withoutRef(), w, field, out);
            return;
        }
        if (subCompare(r, w.withoutRef(), field).isEmpty()) {
            return;
        }
        if (writerTarget == null) {
            out.add(unresolvable(r, w, field));
        } else if (!subCompare(r, writerTarget, field).isEmpty()) {
            out.add(new Incompatibility(
                    UNSUPPORTED_KEYWORD_CHANGED,
                    r.pointer(),
                    field,
                    "the writer combines $ref " + w.ref()
                            + " with sibling keywords and neither part alone is proven readable by the reader"));
        }
    }

    private static Incompatibility unresolvable(Node r, Node w, String field) {
        String which = r.ref() != null && w.ref() != null
                ? "$ref " + r.ref() + " in the reader and " + w.ref() + " in the writer"
                : r.ref() != null ? "$ref " + r.ref() + " in the reader" : "$ref " + w.ref() + " in the writer";
        return new Incompatibility(
                REF_NOT_RESOLVABLE,
                r.pointer(),
                field,
                which + " cannot be resolved within the document, so the change cannot be proven safe");
    }

    private void compareKeywords(Node r, Node w, String field, List<Incompatibility> out) {
        reportUnsupported(r, w, field, out);

        Set<Kind> writerKinds = writerKinds(w);
        Set<Kind> readerKinds = declaredKinds(r);
        Set<Kind> relevant = EnumSet.noneOf(Kind.class);
        relevant.addAll(writerKinds);
        relevant.retainAll(readerKinds);
        Set<Kind> rejected = EnumSet.noneOf(Kind.class);
        rejected.addAll(writerKinds);
        rejected.removeAll(readerKinds);
        if (!rejected.isEmpty()) {
            boolean changed = relevant.isEmpty();
            out.add(new Incompatibility(
                    changed ? TYPE_CHANGED : TYPE_NARROWED,
                    r.pointer(),
                    field,
                    "type " + (changed ? "changed" : "narrowed") + " from " + describeType(w) + " in the writer to "
                            + describeType(r) + " in the reader"
                            + (changed || !w.has("type") ? "" : ", which rejects " + labels(rejected) + " values")));
        }
        if (relevant.isEmpty()) {
            return;
        }
        compareValues(r, w, relevant, field, out);
        if (relevant.contains(Kind.STRING)) {
            compareStrings(r, w, field, out);
        }
        if (relevant.contains(Kind.INTEGER) || relevant.contains(Kind.FRACTION)) {
            compareNumbers(r, w, relevant, field, out);
        }
        if (relevant.contains(Kind.ARRAY)) {
            compareArrays(r, w, field, out);
        }
        if (relevant.contains(Kind.OBJECT)) {
            compareObjects(r, w, field, out);
        }
    }

    // ---- keywords the comparison does not model -------------------------------------------------------------

    private static void reportUnsupported(Node r, Node w, String field, List<Incompatibility> out) {
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

    private static Set<Kind> declaredKinds(Node node) {
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
    private static Set<Kind> writerKinds(Node w) {
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

    private static String describeType(Node node) {
        JsonValue type = node.get("type");
        if (type == null) {
            return "any type";
        }
        List<JsonValue> names = type instanceof JsonArray array ? array : List.of(type);
        return names.stream()
                .map(name -> name instanceof JsonString text ? text.getString() : name.toString())
                .collect(Collectors.joining(" or "));
    }

    private static String labels(Set<Kind> kinds) {
        return kinds.stream().map(k -> k.label).collect(Collectors.joining(", "));
    }

    private static void compareValues(Node r, Node w, Set<Kind> relevant, String field, List<Incompatibility> out) {
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

    // ---- strings ----------------------------------------------------------------------------------------------

    private static void compareStrings(Node r, Node w, String field, List<Incompatibility> out) {
        upperLimit(r, w, "maxLength", MAX_LENGTH_ADDED, MAX_LENGTH_DECREASED, field, out);
        lowerLimit(r, w, "minLength", MIN_LENGTH_ADDED, MIN_LENGTH_INCREASED, field, out);
        sameText(r, w, "pattern", PATTERN_ADDED, PATTERN_CHANGED, field, out);
        sameText(r, w, "format", FORMAT_ADDED, FORMAT_CHANGED, field, out);
    }

    private static void sameText(
            Node r, Node w, String keyword, String added, String changed, String field, List<Incompatibility> out) {
        String reader = Keywords.string(r, keyword);
        if (reader == null) {
            return;
        }
        String writer = Keywords.string(w, keyword);
        if (writer == null) {
            out.add(new Incompatibility(
                    added,
                    r.pointer(),
                    field,
                    keyword + " \"" + reader + "\" added in the reader; the writer had none"));
        } else if (!writer.equals(reader)) {
            out.add(new Incompatibility(
                    changed,
                    r.pointer(),
                    field,
                    keyword + " changed from \"" + writer + "\" in the writer to \"" + reader + "\" in the reader"));
        }
    }

    /** A maximum-style limit (maxLength, maxItems, maxProperties): the reader's may not be below the writer's. */
    private static void upperLimit(
            Node r, Node w, String keyword, String added, String decreased, String field, List<Incompatibility> out) {
        BigDecimal reader = Keywords.number(r, keyword);
        if (reader == null) {
            return;
        }
        BigDecimal writer = Keywords.number(w, keyword);
        if (writer == null) {
            out.add(new Incompatibility(
                    added,
                    r.pointer(),
                    field,
                    keyword + " " + plain(reader) + " added in the reader; the writer had none"));
        } else if (reader.compareTo(writer) < 0) {
            out.add(new Incompatibility(
                    decreased,
                    r.pointer(),
                    field,
                    keyword + " decreased from " + plain(writer) + " in the writer to " + plain(reader)
                            + " in the reader"));
        }
    }

    /** A minimum-style limit (minLength, minItems, minProperties): the reader's may not be above the writer's. */
    private static void lowerLimit(
            Node r, Node w, String keyword, String added, String increased, String field, List<Incompatibility> out) {
        BigDecimal reader = Keywords.number(r, keyword);
        if (reader == null || reader.signum() <= 0) {
            return;
        }
        BigDecimal writer = Keywords.number(w, keyword);
        if (writer == null) {
            out.add(new Incompatibility(
                    added,
                    r.pointer(),
                    field,
                    keyword + " " + plain(reader) + " added in the reader; the writer had none"));
        } else if (reader.compareTo(writer) > 0) {
            out.add(new Incompatibility(
                    increased,
                    r.pointer(),
                    field,
                    keyword + " increased from " + plain(writer) + " in the writer to " + plain(reader)
                            + " in the reader"));
        }
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    // ---- numbers ----------------------------------------------------------------------------------------------

    /** One side of a numeric range: the value, whether it is excluded, and the keyword it comes from. */
    private record Bound(BigDecimal value, boolean exclusive, String keyword) {

        String describe(boolean upper) {
            return (upper ? (exclusive ? "< " : "<= ") : (exclusive ? "> " : ">= ")) + plain(value) + " (" + keyword
                    + ")";
        }
    }

    private static Bound bound(Node node, boolean upper) {
        String inclusiveKeyword = upper ? "maximum" : "minimum";
        String exclusiveKeyword = upper ? "exclusiveMaximum" : "exclusiveMinimum";
        BigDecimal inclusive = Keywords.number(node, inclusiveKeyword);
        BigDecimal exclusive = Keywords.number(node, exclusiveKeyword);
        if (exclusive == null) {
            return inclusive == null ? null : new Bound(inclusive, false, inclusiveKeyword);
        }
        if (inclusive == null) {
            return new Bound(exclusive, true, exclusiveKeyword);
        }
        int order = exclusive.compareTo(inclusive);
        boolean exclusiveBinds = upper ? order <= 0 : order >= 0;
        return exclusiveBinds
                ? new Bound(exclusive, true, exclusiveKeyword)
                : new Bound(inclusive, false, inclusiveKeyword);
    }

    /** Whether the reader's bound cuts off values inside the writer's bound (ignoring integer granularity). */
    private static boolean tighter(Bound reader, Bound writer, boolean upper) {
        int order = reader.value().compareTo(writer.value());
        if (order == 0) {
            return reader.exclusive() && !writer.exclusive();
        }
        return upper ? order < 0 : order > 0;
    }

    private static void compareNumbers(Node r, Node w, Set<Kind> relevant, String field, List<Incompatibility> out) {
        for (boolean upper : new boolean[] {true, false}) {
            Bound reader = bound(r, upper);
            if (reader == null) {
                continue;
            }
            Bound writer = bound(w, upper);
            if (writer != null && !tighter(reader, writer, upper)) {
                continue;
            }
            boolean added = Keywords.number(w, reader.keyword()) == null;
            String rule = switch (reader.keyword()) {
                case "maximum" -> added ? MAXIMUM_ADDED : MAXIMUM_DECREASED;
                case "exclusiveMaximum" -> added ? EXCLUSIVE_MAXIMUM_ADDED : EXCLUSIVE_MAXIMUM_DECREASED;
                case "minimum" -> added ? MINIMUM_ADDED : MINIMUM_INCREASED;
                default -> added ? EXCLUSIVE_MINIMUM_ADDED : EXCLUSIVE_MINIMUM_INCREASED;
            };
            String detail = writer == null
                    ? (upper ? "upper" : "lower") + " bound " + reader.describe(upper)
                            + " added in the reader; the writer had none"
                    : (upper ? "upper" : "lower") + " bound tightened from " + writer.describe(upper)
                            + " in the writer to " + reader.describe(upper) + " in the reader";
            out.add(new Incompatibility(rule, r.pointer(), field, detail));
        }
        BigDecimal readerStep = Keywords.number(r, "multipleOf");
        if (readerStep != null) {
            BigDecimal writerStep = Keywords.number(w, "multipleOf");
            // Without multipleOf, an integer-only writer still steps by 1: a reader step dividing 1 is fine.
            boolean writerHadNone = writerStep == null;
            if (writerHadNone && !relevant.contains(Kind.FRACTION)) {
                writerStep = BigDecimal.ONE;
            }
            if (writerStep == null
                    || writerHadNone && writerStep.remainder(readerStep).signum() != 0) {
                out.add(new Incompatibility(
                        MULTIPLE_OF_ADDED,
                        r.pointer(),
                        field,
                        "multipleOf " + plain(readerStep) + " added in the reader; the writer had none"));
            } else if (writerStep.remainder(readerStep).signum() != 0) {
                out.add(new Incompatibility(
                        MULTIPLE_OF_CHANGED,
                        r.pointer(),
                        field,
                        "multipleOf changed from " + plain(writerStep) + " in the writer to " + plain(readerStep)
                                + " in the reader, which does not divide it"));
            }
        }
    }

    // ---- arrays -----------------------------------------------------------------------------------------------

    private void compareArrays(Node r, Node w, String field, List<Incompatibility> out) {
        upperLimit(r, w, "maxItems", MAX_ITEMS_ADDED, MAX_ITEMS_DECREASED, field, out);
        lowerLimit(r, w, "minItems", MIN_ITEMS_ADDED, MIN_ITEMS_INCREASED, field, out);
        if (JsonValue.TRUE.equals(r.get("uniqueItems")) && !JsonValue.TRUE.equals(w.get("uniqueItems"))) {
            out.add(new Incompatibility(
                    UNIQUE_ITEMS_ADDED, r.pointer(), field, "the reader requires unique items; the writer did not"));
        }
        int positions = Math.max(prefixSize(r), prefixSize(w));
        for (int i = 0; i < positions; i++) {
            compare(itemAt(r, i, true), itemAt(w, i, false), Fields.index(field, i), out);
        }
        compare(tailItems(r, true), tailItems(w, false), Fields.items(field), out);
    }

    private static int prefixSize(Node node) {
        return Keywords.wellFormed("prefixItems", node.get("prefixItems"))
                        && node.get("prefixItems") instanceof JsonArray prefix
                ? prefix.size()
                : 0;
    }

    private static Node itemAt(Node node, int index, boolean reader) {
        return index < prefixSize(node) ? node.child("prefixItems", index) : tailItems(node, reader);
    }

    /**
     * The schema for items after the tuple prefix. {@code unevaluatedItems} stands in for a missing {@code items}
     * unless in-place applicators could evaluate items too; then the reader is taken as closed and the writer as
     * open, the safe guesses.
     */
    private static Node tailItems(Node node, boolean reader) {
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

    // ---- objects ----------------------------------------------------------------------------------------------

    private void compareObjects(Node r, Node w, String field, List<Incompatibility> out) {
        upperLimit(r, w, "maxProperties", MAX_PROPERTIES_ADDED, MAX_PROPERTIES_DECREASED, field, out);
        lowerLimit(r, w, "minProperties", MIN_PROPERTIES_ADDED, MIN_PROPERTIES_INCREASED, field, out);
        compareRequired(r, w, field, out);
        compareDependentRequired(r, w, field, out);
        compareProperties(r, w, field, out);
    }

    private static Set<String> names(Node node, String keyword) {
        if (!(node.get(keyword) instanceof JsonArray array) || !Keywords.wellFormed(keyword, array)) {
            return Set.of();
        }
        return array.stream()
                .map(v -> ((JsonString) v).getString())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static JsonObject properties(Node node) {
        return node.get("properties") instanceof JsonObject properties && Keywords.wellFormed("properties", properties)
                ? properties
                : JsonValue.EMPTY_JSON_OBJECT;
    }

    /**
     * A property the reader requires and the writer does not is fine when the reader gives it a {@code default}:
     * Confluent's REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL. Strict validation would still
     * reject such data, so this is a deliberate concession to registry practice, not a validation fact.
     */
    private static void compareRequired(Node r, Node w, String field, List<Incompatibility> out) {
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

    private static void compareDependentRequired(Node r, Node w, String field, List<Incompatibility> out) {
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
    private static Node additional(Node node, boolean reader) {
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

    private static List<Node> patternSchemas(Node node) {
        if (!(node.get("patternProperties") instanceof JsonObject patterns)) {
            return List.of();
        }
        return patterns.keySet().stream()
                .filter(p -> Keywords.isSchema(patterns.get(p)))
                .map(p -> node.child("patternProperties", p))
                .toList();
    }

    private void compareProperties(Node r, Node w, String field, List<Incompatibility> out) {
        JsonObject readerProperties = properties(r);
        JsonObject writerProperties = properties(w);
        Node readerAdditional = additional(r, true);
        Node writerAdditional = additional(w, false);
        var names = new LinkedHashSet<String>(readerProperties.keySet());
        names.addAll(writerProperties.keySet());
        for (String name : names) {
            String child = Fields.property(field, name);
            if (readerProperties.containsKey(name) && writerProperties.containsKey(name)) {
                compare(r.child("properties", name), w.child("properties", name), child, out);
            } else if (writerProperties.containsKey(name)) {
                propertyOnlyInWriter(r, w.child("properties", name), readerAdditional, name, child, out);
            } else {
                propertyOnlyInReader(r.child("properties", name), w, writerAdditional, name, child, out);
            }
        }
        var undeclared = subCompare(readerAdditional, writerAdditional, Fields.additional(field));
        if (!undeclared.isEmpty()) {
            String detail = readerAdditional.deref().isFalse()
                    ? "the reader forbids additional properties (closed content model) where the writer allows them"
                    : "the reader's schema for additional properties does not accept all the writer's: "
                            + summary(undeclared);
            out.add(new Incompatibility(ADDITIONAL_PROPERTIES_NARROWED, readerAdditional.pointer(), field, detail));
        }
    }

    /** The writer declares the property and the reader does not: the reader's rules for undeclared names apply. */
    private void propertyOnlyInWriter(
            Node r, Node writerProperty, Node readerAdditional, String name, String field, List<Incompatibility> out) {
        if (writerProperty.deref().isFalse()) {
            return;
        }
        if (readerAdditional.deref().isFalse()) {
            out.add(new Incompatibility(
                    PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL,
                    r.pointerTo("properties", name),
                    field,
                    "the writer declares '" + name
                            + "', which the reader does not declare while forbidding additional properties"));
            return;
        }
        // Conservative with patternProperties: the reader's value must satisfy its additionalProperties and every
        // pattern schema, as if all of them applied.
        var problems = subCompare(readerAdditional, writerProperty, field);
        for (Node pattern : patternSchemas(r)) {
            problems.addAll(subCompare(pattern, writerProperty, field));
        }
        if (!problems.isEmpty()) {
            out.add(new Incompatibility(
                    PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                    r.pointerTo("properties", name),
                    field,
                    "the writer declares '" + name
                            + "', which the reader leaves to its schema for additional properties, and that does not"
                            + " accept it: " + summary(problems)));
        }
    }

    /** The reader declares the property and the writer does not: whatever the writer lets through must fit. */
    private void propertyOnlyInReader(
            Node readerProperty, Node w, Node writerAdditional, String name, String field, List<Incompatibility> out) {
        // With patternProperties the writer may send the name under a pattern schema: assume anything.
        Node written = patternSchemas(w).isEmpty() ? writerAdditional : Node.anything(w.pointerTo("patternProperties"));
        if (written.deref().isFalse()) {
            return;
        }
        var problems = subCompare(readerProperty, written, field);
        if (problems.isEmpty()) {
            return;
        }
        boolean open = written.deref().acceptsEverything();
        out.add(new Incompatibility(
                open
                        ? PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL
                        : PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                readerProperty.pointer(),
                field,
                "the reader declares '" + name + "', which the writer does not declare while "
                        + (open
                                ? "allowing any additional property, so it may carry any value"
                                : "allowing additional properties the reader's definition rejects")
                        + ": " + summary(problems)));
    }

    private static String summary(List<Incompatibility> problems) {
        return problems.stream()
                .map(Incompatibility::detail)
                .distinct()
                .limit(3)
                .collect(Collectors.joining("; "));
    }
}
