package org.switchboard.schemacompat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture under {@code src/test/resources/compat/<case>/}: {@code older.json}, {@code newer.json}
 * and {@code expect.json}, which lists per direction the expected {@code RULE@field}s (empty: compatible).
 */
class SchemaCompatibilityFixturesTest {

    static Stream<Named<Path>> fixtures() throws IOException {
        try (var directories = Files.list(root())) {
            return directories
                    .filter(Files::isDirectory)
                    .sorted()
                    .map(dir -> Named.of(dir.getFileName().toString(), dir))
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixture(Path dir) throws IOException {
        var older = read(dir.resolve("older.json"));
        var newer = read(dir.resolve("newer.json"));
        var expect = read(dir.resolve("expect.json"));

        var backward = SchemaCompatibility.backward(older, newer);
        var forward = SchemaCompatibility.forward(older, newer);

        assertThat(ruleAtFields(backward))
                .as("BACKWARD of %s: %s", dir.getFileName(), backward)
                .containsExactlyInAnyOrderElementsOf(expected(expect, "BACKWARD"));
        assertThat(ruleAtFields(forward))
                .as("FORWARD of %s: %s", dir.getFileName(), forward)
                .containsExactlyInAnyOrderElementsOf(expected(expect, "FORWARD"));

        var all = new ArrayList<>(backward);
        all.addAll(forward);
        for (var problem : all) {
            assertThat(problem.rule()).isIn(knownRules());
            assertThat(problem.pointer()).matches("(/.*)?");
            assertThat(problem.field()).isNotBlank();
            assertThat(problem.detail()).isNotBlank().doesNotContain("Node[");
        }
        var full = SchemaCompatibility.check(CompatibilityMode.FULL, List.of(older), newer);
        assertThat(full).extracting(Violation::incompatibility).containsExactlyElementsOf(all);
    }

    @Test
    void everyFixtureHasItsThreeFiles() throws IOException {
        var cases = fixtures().map(Named::getPayload).toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        for (Path dir : cases) {
            assertThat(dir.resolve("older.json")).exists();
            assertThat(dir.resolve("newer.json")).exists();
            assertThat(read(dir.resolve("expect.json")).keySet()).contains("BACKWARD", "FORWARD");
        }
    }

    @Test
    void everyExpectedRuleIsAKnownRule() throws IOException {
        for (Path dir : fixtures().map(Named::getPayload).toList()) {
            var expect = read(dir.resolve("expect.json"));
            for (String direction : List.of("BACKWARD", "FORWARD")) {
                for (String entry : expected(expect, direction)) {
                    assertThat(entry.substring(0, entry.indexOf('@')))
                            .as("%s in %s", entry, dir.getFileName())
                            .isIn(knownRules());
                }
            }
        }
    }

    /** A rule no fixture expects is a rule nobody has seen fire: every public constant needs a fixture. */
    @Test
    void everyRuleIsExpectedByAtLeastOneFixture() throws IOException {
        var covered = new TreeSet<String>();
        for (Path dir : fixtures().map(Named::getPayload).toList()) {
            var expect = read(dir.resolve("expect.json"));
            for (String direction : List.of("BACKWARD", "FORWARD")) {
                for (String entry : expected(expect, direction)) {
                    covered.add(entry.substring(0, entry.indexOf('@')));
                }
            }
        }
        var rules = knownRules();
        assertThat(rules).as("rules read by reflection").contains(IncompatibilityRules.TYPE_CHANGED);
        var uncovered = new TreeSet<>(rules);
        uncovered.removeAll(covered);
        assertThat(uncovered)
                .as("rules in IncompatibilityRules that no expect.json under src/test/resources/compat expects;"
                        + " add a fixture for each")
                .isEmpty();
    }

    static Set<String> knownRules() {
        return Arrays.stream(IncompatibilityRules.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.toSet());
    }

    private static List<String> ruleAtFields(List<Incompatibility> problems) {
        return problems.stream().map(Incompatibility::ruleAtField).toList();
    }

    private static List<String> expected(JsonObject expect, String direction) {
        return expect.getJsonArray(direction).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static Path root() {
        try {
            return Path.of(
                    SchemaCompatibilityFixturesTest.class.getResource("/compat").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject read(Path file) throws IOException {
        try (var reader = Json.createReader(new StringReader(Files.readString(file)))) {
            return reader.readObject();
        }
    }
}
