package org.switchboard.schemacompat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether one JSON Schema (draft 2020-12) version can stand in for another, the way a schema registry
 * does before it accepts a new version of a message contract.
 *
 * <p>The model is validation: reader R <em>accepts</em> writer W when every JSON instance valid under W is also
 * valid under R. The check walks both schemas side by side ({@code properties}, {@code items}, {@code
 * prefixItems}, local {@code $ref}s into the same document, recursive ones included) and reports each reason an
 * instance of W could fail R, as an {@link Incompatibility} with a rule id from {@link IncompatibilityRules}.
 *
 * <p>It is strict and fails safe: a change it cannot prove harmless is reported. Keywords it does not model
 * ({@code oneOf}, {@code anyOf}, {@code allOf}, {@code not}, {@code if}/{@code then}/{@code else}, {@code
 * patternProperties}, {@code propertyNames}, {@code contains}, unknown keywords, ...) must be equal on both
 * sides, or {@code UNSUPPORTED_KEYWORD_CHANGED} is reported; equal subschemas are always compatible. Annotations
 * ({@code title}, {@code description}, {@code examples}, {@code $comment}, {@code deprecated}, {@code readOnly},
 * {@code writeOnly}, {@code default}, {@code $id}, {@code $schema}) never matter, with one exception:
 *
 * <p><b>Rule choice on defaults.</b> A property the reader requires but the writer does not is compatible when
 * the reader's definition of the property has a {@code default}. Strict validation would reject such data; the
 * checker follows Confluent here (REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL is compatible),
 * on the understanding that a reader fills the default in before it validates.
 *
 * <p>Content models: an object schema is closed when {@code additionalProperties} (or, without it, {@code
 * unevaluatedProperties}) is {@code false}, open when it is absent or {@code true}, and partially open when it
 * is a schema. Adding a constrained property to a reader whose writer was open is incompatible (old data may
 * hold that name with any value); removing a property from a closed reader is incompatible.
 *
 * <p>{@code format} is treated as an assertion, {@code pattern}s are compared as text, and numeric bounds
 * ignore integer granularity: all of these may report a change that is in fact harmless, never the reverse. Only
 * references within the same document are followed; nested {@code $id} scopes are not modelled.
 *
 * <p>Pure functions: no state, no I/O, safe to call from any thread.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {}

    /**
     * Every reason an instance valid under {@code writer} may be invalid under {@code reader}. An empty list
     * means the reader accepts everything the writer does.
     */
    public static List<Incompatibility> readerAcceptsWriter(JsonObject reader, JsonObject writer) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(writer, "writer");
        return ReaderWriterComparison.compare(reader, writer);
    }

    /** BACKWARD: the newer schema, as reader, accepts whatever the older one allowed writers to produce. */
    public static List<Incompatibility> backward(JsonObject older, JsonObject newer) {
        return readerAcceptsWriter(newer, older);
    }

    /** FORWARD: the older schema, as reader, accepts whatever the newer one allows writers to produce. */
    public static List<Incompatibility> forward(JsonObject older, JsonObject newer) {
        return readerAcceptsWriter(older, newer);
    }

    /**
     * Checks a candidate version against the versions before it, as the mode says: against the latest one, or
     * against all of them for the {@code _TRANSITIVE} modes; backward, forward or both. Violations come ordered by
     * version, oldest first, backward before forward. No history, or {@link CompatibilityMode#NONE}, gives none.
     *
     * @param history the earlier versions, oldest first; version numbers in the result are 1-based positions here
     */
    public static List<Violation> check(CompatibilityMode mode, List<JsonObject> history, JsonObject candidate) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(candidate, "candidate");
        if (mode == CompatibilityMode.NONE || history.isEmpty()) {
            return List.of();
        }
        var violations = new ArrayList<Violation>();
        int first = mode.isTransitive() ? 0 : history.size() - 1;
        for (int i = first; i < history.size(); i++) {
            JsonObject earlier = Objects.requireNonNull(history.get(i), "history entry");
            int version = i + 1;
            if (mode.checksBackward()) {
                backward(earlier, candidate)
                        .forEach(problem -> violations.add(new Violation(version, Violation.BACKWARD, problem)));
            }
            if (mode.checksForward()) {
                forward(earlier, candidate)
                        .forEach(problem -> violations.add(new Violation(version, Violation.FORWARD, problem)));
            }
        }
        return List.copyOf(violations);
    }
}
