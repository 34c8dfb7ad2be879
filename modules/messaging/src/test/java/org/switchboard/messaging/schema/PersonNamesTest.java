package org.switchboard.messaging.schema;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.messaging.schema.PersonNames.Flaw;

class PersonNamesTest {

    /** Input as typed, what is stored, and the flaw of the stored form (null: valid). */
    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("Latin", "Ada", "Ada", null),
                Arguments.of("apostrophe and hyphen", "O'Brien-Smith", "O'Brien-Smith", null),
                Arguments.of("CJK", "山田", "山田", null),
                Arguments.of("Arabic", "عائشة", "عائشة", null),
                Arguments.of("Devanagari with vowel signs", "प्रिया", "प्रिया", null),
                Arguments.of("combining acute becomes one character", "Jose\u0301", "José", null),
                Arguments.of("Hangul jamo compose", "\u1112\u1161\u11AB", "한", null),
                Arguments.of("emoji beside a letter", "Ada 🚀", "Ada 🚀", null),
                Arguments.of("letters beyond the BMP", "𠮷野", "𠮷野", null),
                Arguments.of("digits beside letters", "Louis 14", "Louis 14", null),
                Arguments.of("spaces of every width around it", "\u3000\u00A0 Ada\u200B\uFEFF", "Ada", null),
                Arguments.of("zero-width joiner inside", "Ada\u200DLove", "Ada\u200DLove", null),
                Arguments.of("emoji only", "🚀", "🚀", Flaw.NO_LETTER),
                Arguments.of("digits only", "1234", "1234", Flaw.NO_LETTER),
                Arguments.of("combining mark only", "\u0301", "\u0301", Flaw.NO_LETTER),
                Arguments.of("zero-width space only", "\u200B", "", Flaw.NO_LETTER),
                Arguments.of("ideographic space only", "\u3000", "", Flaw.NO_LETTER),
                Arguments.of("no-break space only", "\u00A0", "", Flaw.NO_LETTER),
                Arguments.of("byte order mark only", "\uFEFF", "", Flaw.NO_LETTER),
                Arguments.of("zero-width joiners only", "\u200D\u200C", "\u200D\u200C", Flaw.NO_LETTER),
                Arguments.of("punctuation only", "-'.", "-'.", Flaw.NO_LETTER),
                Arguments.of("NUL", "Ada\u0000", "Ada\u0000", Flaw.CONTROL_CHARACTER),
                Arguments.of("escape", "A\u001Bda", "A\u001Bda", Flaw.CONTROL_CHARACTER),
                Arguments.of("line feed inside", "Ada\nLovelace", "Ada\nLovelace", Flaw.CONTROL_CHARACTER),
                Arguments.of("DEL", "Ada\u007F", "Ada\u007F", Flaw.CONTROL_CHARACTER),
                Arguments.of("C1 next line", "Ada\u0085x", "Ada\u0085x", Flaw.CONTROL_CHARACTER),
                Arguments.of("C1 CSI", "A\u009Bda", "A\u009Bda", Flaw.CONTROL_CHARACTER),
                Arguments.of("line separator inside", "Ada\u2028Love", "Ada\u2028Love", Flaw.LINE_SEPARATOR),
                Arguments.of("right-to-left override", "\u202Eecila", "\u202Eecila", Flaw.BIDI_CONTROL),
                Arguments.of("left-to-right embedding", "A\u202Ada", "A\u202Ada", Flaw.BIDI_CONTROL),
                Arguments.of("pop directional formatting", "Ada\u202Cx", "Ada\u202Cx", Flaw.BIDI_CONTROL),
                Arguments.of("first strong isolate", "\u2068Ada", "\u2068Ada", Flaw.BIDI_CONTROL),
                Arguments.of("pop directional isolate", "Ada\u2069x", "Ada\u2069x", Flaw.BIDI_CONTROL),
                Arguments.of("lone high surrogate", "Ada\uD83D", "Ada\uD83D", Flaw.UNPAIRED_SURROGATE),
                Arguments.of("lone low surrogate", "\uDE80Ada", "\uDE80Ada", Flaw.UNPAIRED_SURROGATE),
                Arguments.of("swapped surrogates", "A\uDE80\uD83D", "A\uDE80\uD83D", Flaw.UNPAIRED_SURROGATE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void normalizesAndJudgesEachName(String what, String input, String stored, Flaw flaw) {
        var normalized = PersonNames.normalize(input);

        assertThat(normalized).as(what).isEqualTo(stored);
        assertThat(PersonNames.flaw(normalized).orElse(null)).as(what).isEqualTo(flaw);
        assertThat(PersonNames.isValid(normalized)).isEqualTo(flaw == null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void thePatternSaysWhatTheRuleSays(String what, String input, String stored, Flaw flaw) {
        // JSON Schema's pattern searches (find), it does not match the whole string.
        var pattern = Pattern.compile(PersonNames.PATTERN);
        assertThat(pattern.matcher(stored).find()).as(what).isEqualTo(flaw == null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"e\u0301", "Jose\u0301", "\u1112\u1161\u11AB"})
    void aNameNotInNfcIsRefusedUntilItIsNormalized(String name) {
        assertThat(PersonNames.flaw(name)).contains(Flaw.NOT_NFC);
        assertThat(PersonNames.flaw(PersonNames.normalize(name))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "webstore/CustomerRegistered.v1.schema.json",
                "webstore/CustomerRegistered.v2.schema.json",
                "marketing/CreateCustomer.v1.schema.json"
            })
    void everySchemaThatCarriesANameDocumentsTheSamePattern(String file) throws IOException {
        var schema = Json.createReader(
                        new StringReader(Files.readString(schemaDirectory().resolve(file))))
                .readObject();

        assertThat(schema.getJsonObject("$defs").getJsonObject("personName").getString("pattern"))
                .isEqualTo(PersonNames.PATTERN);
    }

    private static Path schemaDirectory() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("schema/registry.json"))) {
                return dir.resolve("schema");
            }
        }
        throw new IllegalStateException(
                "No schema/registry.json above " + Path.of("").toAbsolutePath());
    }
}
