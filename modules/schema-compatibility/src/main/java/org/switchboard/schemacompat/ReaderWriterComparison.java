package org.switchboard.schemacompat;

import static org.switchboard.schemacompat.IncompatibilityRules.*;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
 *
 * <p>This class does the walk: {@code $ref}s, recursion, array items and object properties. What single keywords
 * mean is in {@link TypeComparison} (type, enum, const, unmodelled keywords), {@link LimitComparison} (lengths,
 * ranges, sizes, pattern, format) and {@link Members} (which schema applies to which member, required ones).
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
        TypeComparison.reportUnsupported(r, w, field, out);

        Set<Kind> writerKinds = TypeComparison.writerKinds(w);
        Set<Kind> readerKinds = TypeComparison.declaredKinds(r);
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
                    "type " + (changed ? "changed" : "narrowed") + " from " + TypeComparison.describeType(w)
                            + " in the writer to "
                            + TypeComparison.describeType(r) + " in the reader"
                            + (changed || !w.has("type")
                                    ? ""
                                    : ", which rejects " + TypeComparison.labels(rejected) + " values")));
        }
        if (relevant.isEmpty()) {
            return;
        }
        TypeComparison.compareValues(r, w, relevant, field, out);
        if (relevant.contains(Kind.STRING)) {
            LimitComparison.compareStrings(r, w, field, out);
        }
        if (relevant.contains(Kind.INTEGER) || relevant.contains(Kind.FRACTION)) {
            LimitComparison.compareNumbers(r, w, relevant, field, out);
        }
        if (relevant.contains(Kind.ARRAY)) {
            compareArrays(r, w, field, out);
        }
        if (relevant.contains(Kind.OBJECT)) {
            compareObjects(r, w, field, out);
        }
    }

    // ---- arrays -----------------------------------------------------------------------------------------------

    private void compareArrays(Node r, Node w, String field, List<Incompatibility> out) {
        LimitComparison.upperLimit(r, w, "maxItems", MAX_ITEMS_ADDED, MAX_ITEMS_DECREASED, field, out);
        LimitComparison.lowerLimit(r, w, "minItems", MIN_ITEMS_ADDED, MIN_ITEMS_INCREASED, field, out);
        if (JsonValue.TRUE.equals(r.get("uniqueItems")) && !JsonValue.TRUE.equals(w.get("uniqueItems"))) {
            out.add(new Incompatibility(
                    UNIQUE_ITEMS_ADDED, r.pointer(), field, "the reader requires unique items; the writer did not"));
        }
        int positions = Math.max(Members.prefixSize(r), Members.prefixSize(w));
        for (int i = 0; i < positions; i++) {
            compare(Members.itemAt(r, i, true), Members.itemAt(w, i, false), Fields.index(field, i), out);
        }
        compare(Members.tailItems(r, true), Members.tailItems(w, false), Fields.items(field), out);
    }

    // ---- objects ----------------------------------------------------------------------------------------------

    private void compareObjects(Node r, Node w, String field, List<Incompatibility> out) {
        LimitComparison.upperLimit(r, w, "maxProperties", MAX_PROPERTIES_ADDED, MAX_PROPERTIES_DECREASED, field, out);
        LimitComparison.lowerLimit(r, w, "minProperties", MIN_PROPERTIES_ADDED, MIN_PROPERTIES_INCREASED, field, out);
        Members.compareRequired(r, w, field, out);
        Members.compareDependentRequired(r, w, field, out);
        compareProperties(r, w, field, out);
    }

    private void compareProperties(Node r, Node w, String field, List<Incompatibility> out) {
        JsonObject readerProperties = Members.properties(r);
        JsonObject writerProperties = Members.properties(w);
        Node readerAdditional = Members.additional(r, true);
        Node writerAdditional = Members.additional(w, false);
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
        for (Node pattern : Members.patternSchemas(r)) {
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
        Node written = Members.patternSchemas(w).isEmpty()
                ? writerAdditional
                : Node.anything(w.pointerTo("patternProperties"));
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
