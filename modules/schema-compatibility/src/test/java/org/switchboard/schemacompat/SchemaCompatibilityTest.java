package org.switchboard.schemacompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.switchboard.schemacompat.IncompatibilityRules.*;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaCompatibilityTest {

    // v1 -> v2 adds a required phone WITH a default (compatible by the default rule), v2 -> v3 drops the default
    // (both require it: compatible), but v1 -> v3 adds a required phone without default: not transitive.
    static final JsonObject NAME_ONLY = json("""
            {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"],
             "additionalProperties": false}""");
    static final JsonObject PHONE_WITH_DEFAULT = json("""
            {"type": "object",
             "properties": {"name": {"type": "string"}, "phone": {"type": "string", "default": "unknown"}},
             "required": ["name", "phone"], "additionalProperties": false}""");
    static final JsonObject PHONE_REQUIRED = json("""
            {"type": "object", "properties": {"name": {"type": "string"}, "phone": {"type": "string"}},
             "required": ["name", "phone"], "additionalProperties": false}""");

    @Test
    void modesSayWhatTheyCheck() {
        assertThat(CompatibilityMode.values())
                .extracting(
                        CompatibilityMode::isTransitive,
                        CompatibilityMode::checksBackward,
                        CompatibilityMode::checksForward)
                .containsExactly(
                        tuple(false, false, false), // NONE
                        tuple(false, true, false), // BACKWARD
                        tuple(true, true, false), // BACKWARD_TRANSITIVE
                        tuple(false, false, true), // FORWARD
                        tuple(true, false, true), // FORWARD_TRANSITIVE
                        tuple(false, true, true), // FULL
                        tuple(true, true, true)); // FULL_TRANSITIVE
    }

    @Test
    void backwardPassesAgainstTheLatestButTransitiveFindsTheBreakWithVersionOne() {
        assertThat(SchemaCompatibility.backward(NAME_ONLY, PHONE_WITH_DEFAULT)).isEmpty();
        assertThat(SchemaCompatibility.backward(PHONE_WITH_DEFAULT, PHONE_REQUIRED))
                .isEmpty();
        var history = List.of(NAME_ONLY, PHONE_WITH_DEFAULT);

        assertThat(SchemaCompatibility.check(CompatibilityMode.BACKWARD, history, PHONE_REQUIRED))
                .isEmpty();
        assertThat(SchemaCompatibility.check(CompatibilityMode.BACKWARD_TRANSITIVE, history, PHONE_REQUIRED))
                .extracting(
                        Violation::againstVersion,
                        Violation::direction,
                        v -> v.incompatibility().ruleAtField())
                .containsExactly(tuple(1, "BACKWARD", "REQUIRED_PROPERTY_ADDED@phone"));
    }

    @Test
    void forwardPassesAgainstTheLatestButTransitiveFindsTheBreakWithVersionOne() {
        // The same chain read the other way round: v1 requires phone, v2 gives it a default, v3 drops it.
        assertThat(SchemaCompatibility.forward(PHONE_REQUIRED, PHONE_WITH_DEFAULT))
                .isEmpty();
        assertThat(SchemaCompatibility.forward(PHONE_WITH_DEFAULT, NAME_ONLY)).isEmpty();
        var history = List.of(PHONE_REQUIRED, PHONE_WITH_DEFAULT);

        assertThat(SchemaCompatibility.check(CompatibilityMode.FORWARD, history, NAME_ONLY))
                .isEmpty();
        assertThat(SchemaCompatibility.check(CompatibilityMode.FORWARD_TRANSITIVE, history, NAME_ONLY))
                .extracting(
                        Violation::againstVersion,
                        Violation::direction,
                        v -> v.incompatibility().ruleAtField())
                .containsExactly(tuple(1, "FORWARD", "REQUIRED_PROPERTY_ADDED@phone"));
    }

    @Test
    void fullChecksBothDirectionsAgainstTheLatestAndFullTransitiveAgainstAll() {
        var loose = nameWithMaxLength(100);
        var tight = nameWithMaxLength(20);
        var candidate = nameWithMaxLength(50);
        var history = List.of(loose, tight);

        // Against v2 (20): v2 as reader cannot read names of 50 from the candidate. Against v1 (100): the
        // candidate as reader cannot read names of 100 written under v1.
        assertThat(SchemaCompatibility.check(CompatibilityMode.FULL, history, candidate))
                .extracting(
                        Violation::againstVersion,
                        Violation::direction,
                        v -> v.incompatibility().ruleAtField())
                .containsExactly(tuple(2, "FORWARD", "MAX_LENGTH_DECREASED@name"));
        assertThat(SchemaCompatibility.check(CompatibilityMode.FULL_TRANSITIVE, history, candidate))
                .extracting(
                        Violation::againstVersion,
                        Violation::direction,
                        v -> v.incompatibility().ruleAtField())
                .containsExactly(
                        tuple(1, "BACKWARD", "MAX_LENGTH_DECREASED@name"),
                        tuple(2, "FORWARD", "MAX_LENGTH_DECREASED@name"));
        assertThat(SchemaCompatibility.check(CompatibilityMode.BACKWARD, history, candidate))
                .isEmpty();
        assertThat(SchemaCompatibility.check(CompatibilityMode.FORWARD, history, candidate))
                .hasSize(1);
        assertThat(SchemaCompatibility.check(CompatibilityMode.BACKWARD_TRANSITIVE, history, candidate))
                .extracting(Violation::againstVersion, Violation::direction)
                .containsExactly(tuple(1, "BACKWARD"));
    }

    @Test
    void noneAndAnEmptyHistoryCheckNothing() {
        var breaking = nameWithMaxLength(1);
        for (var mode : CompatibilityMode.values()) {
            assertThat(SchemaCompatibility.check(mode, List.of(), breaking)).isEmpty();
        }
        assertThat(SchemaCompatibility.check(CompatibilityMode.NONE, List.of(nameWithMaxLength(100)), breaking))
                .isEmpty();
        assertThat(SchemaCompatibility.check(CompatibilityMode.BACKWARD, List.of(nameWithMaxLength(100)), breaking))
                .hasSize(1);
    }

    @Test
    void reportsPointerFieldAndASentenceForEachDirection() {
        var older = json("""
                {"type": "object", "properties": {"email": {"type": "string"}}}""");
        var newer = json("""
                {"type": "object", "properties": {"email": {"type": "integer"}}}""");

        assertThat(SchemaCompatibility.backward(older, newer))
                .containsExactly(new Incompatibility(
                        TYPE_CHANGED,
                        "/properties/email",
                        "email",
                        "type changed from string in the writer to integer in the reader"));
        assertThat(SchemaCompatibility.forward(older, newer))
                .containsExactly(new Incompatibility(
                        TYPE_CHANGED,
                        "/properties/email",
                        "email",
                        "type changed from integer in the writer to string in the reader"));
    }

    @Test
    void pointersFollowRefsAndNameTheKeywordForObjectLevelRules() {
        var older = json("""
                {"type": "object", "additionalProperties": false,
                 "properties": {"home": {"$ref": "#/$defs/Address"}, "gone": {"type": "string"}},
                 "$defs": {"Address": {"type": "object", "properties": {"street": {"type": "string"}}}}}""");
        var newer = json("""
                {"type": "object", "additionalProperties": false, "required": ["home"],
                 "properties": {"home": {"$ref": "#/$defs/Address"}},
                 "$defs": {"Address": {"type": "object", "properties": {"street": {"type": "string", "maxLength": 9}}}}}""");

        assertThat(SchemaCompatibility.backward(older, newer))
                .extracting(Incompatibility::rule, Incompatibility::pointer, Incompatibility::field)
                .containsExactlyInAnyOrder(
                        tuple(REQUIRED_PROPERTY_ADDED, "/required", "home"),
                        tuple(MAX_LENGTH_ADDED, "/$defs/Address/properties/street", "home.street"),
                        tuple(PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, "/properties/gone", "gone"));
    }

    @Test
    void recursiveAndMutuallyRecursiveRefsTerminate() {
        var older = json("""
                {"$ref": "#/$defs/A",
                 "$defs": {"A": {"type": "object", "properties": {"b": {"$ref": "#/$defs/B"}, "n": {"type": "number"}}},
                           "B": {"type": "object", "properties": {"a": {"$ref": "#/$defs/A"}}}}}""");
        var newer = json("""
                {"$ref": "#/$defs/A",
                 "$defs": {"A": {"type": "object", "properties": {"b": {"$ref": "#/$defs/B"}, "n": {"type": "integer"}}},
                           "B": {"type": "object", "properties": {"a": {"$ref": "#/$defs/A"}}}}}""");

        assertThat(SchemaCompatibility.readerAcceptsWriter(older, older)).isEmpty();
        assertThat(SchemaCompatibility.backward(older, newer))
                .extracting(Incompatibility::ruleAtField)
                .containsExactly("TYPE_NARROWED@n");
        assertThat(SchemaCompatibility.forward(older, newer)).isEmpty();
    }

    @Test
    void recursiveReaderAgainstAnOpenWriterTerminates() {
        var tree = json("""
                {"type": "object", "properties": {"name": {"type": "string"},
                 "children": {"type": "array", "items": {"$ref": "#"}}}}""");
        var open = json("""
                {"type": "object"}""");

        assertThat(SchemaCompatibility.backward(open, tree))
                .extracting(Incompatibility::ruleAtField)
                .containsExactlyInAnyOrder(
                        "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL@name", "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL@children");
        assertThat(SchemaCompatibility.forward(open, tree)).isEmpty();
    }

    @Test
    void refsThatCannotBeResolvedMustStayTheSame() {
        var remote = json("""
                {"type": "object", "properties": {"money": {"$ref": "https://example.org/money.json"}}}""");
        var otherRemote = json("""
                {"type": "object", "properties": {"money": {"$ref": "https://example.org/money2.json"}}}""");
        var missing = json("""
                {"type": "object", "properties": {"money": {"$ref": "#/$defs/Nowhere"}}}""");

        assertThat(SchemaCompatibility.readerAcceptsWriter(remote, remote)).isEmpty();
        assertThat(SchemaCompatibility.backward(remote, otherRemote))
                .extracting(Incompatibility::ruleAtField)
                .containsExactly("REF_NOT_RESOLVABLE@money");
        assertThat(SchemaCompatibility.backward(remote, missing))
                .extracting(Incompatibility::ruleAtField)
                .containsExactly("REF_NOT_RESOLVABLE@money");
    }

    @Test
    void refWithSiblingKeywordsChecksTargetAndSiblings() {
        var older = json("""
                {"$ref": "#/$defs/Base", "properties": {"note": {"type": "string"}},
                 "$defs": {"Base": {"type": "object", "properties": {"id": {"type": "string"}}}}}""");
        var newerSibling = json("""
                {"$ref": "#/$defs/Base", "properties": {"note": {"type": "string", "maxLength": 5}},
                 "$defs": {"Base": {"type": "object", "properties": {"id": {"type": "string"}}}}}""");
        var newerTarget = json("""
                {"$ref": "#/$defs/Base", "properties": {"note": {"type": "string"}},
                 "$defs": {"Base": {"type": "object", "properties": {"id": {"type": "string", "minLength": 2}}}}}""");

        assertThat(SchemaCompatibility.backward(older, newerSibling))
                .extracting(Incompatibility::ruleAtField)
                .containsExactly("MAX_LENGTH_ADDED@note");
        assertThat(SchemaCompatibility.backward(older, newerTarget))
                .extracting(Incompatibility::ruleAtField)
                .containsExactly("MIN_LENGTH_ADDED@id");
        assertThat(SchemaCompatibility.forward(older, newerSibling)).isEmpty();
    }

    @Test
    void unevaluatedPropertiesNextToApplicatorsIsNotTakenForClosed() {
        // allOf may evaluate 'a', so the writer can send 'a' with any value although it looks closed.
        var older = json("""
                {"type": "object", "allOf": [{"properties": {"a": true}}], "unevaluatedProperties": false}""");
        var newer = json("""
                {"type": "object", "allOf": [{"properties": {"a": true}}], "unevaluatedProperties": false,
                 "properties": {"a": {"type": "string"}}}""");

        assertThat(SchemaCompatibility.backward(older, newer))
                .extracting(Incompatibility::rule)
                .contains(PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL);
    }

    @Test
    void writerEnumNarrowsItsTypesAndIntegersWidenToNumbers() {
        var reader = json("""
                {"type": "string", "enum": ["A", "B", "C"]}""");
        var writer = json("""
                {"enum": ["A", "B"]}""");
        assertThat(SchemaCompatibility.readerAcceptsWriter(reader, writer)).isEmpty();
        assertThat(SchemaCompatibility.readerAcceptsWriter(writer, reader))
                .extracting(Incompatibility::detail)
                .containsExactly("the reader's enum lacks \"C\", which the writer allows");

        var numbers = json("""
                {"type": "number", "multipleOf": 0.5}""");
        var integers = json("""
                {"type": "integer"}""");
        assertThat(SchemaCompatibility.readerAcceptsWriter(numbers, integers)).isEmpty();
        assertThat(SchemaCompatibility.readerAcceptsWriter(integers, numbers))
                .extracting(Incompatibility::rule)
                .containsExactly(TYPE_NARROWED);
    }

    @ParameterizedTest
    @EnumSource(CompatibilityMode.class)
    void everyContractSchemaIsCompatibleWithItself(CompatibilityMode mode) throws IOException {
        try (var files = Files.walk(Path.of("../../schema"))) {
            var schemas =
                    files.filter(f -> f.toString().endsWith(".schema.json")).toList();
            assertThat(schemas).isNotEmpty();
            for (Path file : schemas) {
                var schema = SchemaCompatibilityFixturesTest.read(file);
                assertThat(SchemaCompatibility.check(mode, List.of(schema, schema), schema))
                        .as("%s under %s", file, mode)
                        .isEmpty();
            }
        }
    }

    private static JsonObject nameWithMaxLength(int maxLength) {
        return json("{\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\", \"maxLength\": "
                + maxLength + "}}, \"required\": [\"name\"]}");
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
