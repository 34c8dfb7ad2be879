package org.switchboard.web.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTest {

    private static JsonBody body(String json) {
        return new JsonBody(StrictJson.object(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsFieldsByTheirJsonType() {
        var fields = body("{\"s\": \"x\", \"b\": true, \"n\": null, \"l\": [\"a\", \"b\"]}")
                .fields("s", "b", "n", "l", "absent");

        assertThat(fields.string("s")).isEqualTo("x");
        assertThat(fields.bool("b")).isTrue();
        assertThat(fields.string("n")).isNull();
        assertThat(fields.bool("absent")).isNull();
        assertThat(fields.requiredStrings("l")).containsExactly("a", "b");
        fields.verify();
    }

    @ParameterizedTest(name = "consent {0}")
    @ValueSource(strings = {"\"yes\"", "\"true\"", "\"false\"", "1", "0", "\"\"", "[]", "{}"})
    void aBooleanIsTrueOrFalseAndNothingElse(String consent) {
        var fields = body("{\"marketingConsent\": " + consent + "}").fields("marketingConsent");

        assertThat(fields.bool("marketingConsent")).isNull();

        assertThatThrownBy(fields::verify)
                .isInstanceOfSatisfying(
                        InvalidRequestBody.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("marketingConsent"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"email": 42}                  | email            | Must be a string, not a number
            {"email": true}                | email            | Must be a string, not a boolean
            {"email": ["a@example.org"]}   | email            | Must be a string, not an array
            {"email": {"v": "a"}}          | email            | Must be a string, not an object
            {"marketingConsent": "yes"}    | marketingConsent | Must be true or false, not a string
            {"email": "a", "admin": true}  | admin            | Unknown field; this request has only email, marketingConsent
            {"Email": "a@example.org"}     | Email            | Unknown field
            """)
    void namesTheFieldAndWhatIsWrong(String json, String field, String message) {
        var fields = body(json).fields("email", "marketingConsent");
        fields.string("email");
        fields.bool("marketingConsent");

        assertThatThrownBy(fields::verify)
                .isInstanceOfSatisfying(
                        InvalidRequestBody.class,
                        e -> assertThat(e.fieldErrors())
                                .hasEntrySatisfying(field, m -> assertThat(m).startsWith(message)));
    }

    @Test
    void requiredMeansPresentAndNotNull() {
        var fields = body("{\"action\": null, \"messageIds\": [1, \"ok\"]}").fields("action", "queue", "messageIds");

        fields.requiredString("action");
        fields.requiredString("queue");
        fields.requiredStrings("messageIds");

        assertThatThrownBy(fields::verify)
                .isInstanceOfSatisfying(
                        InvalidRequestBody.class,
                        e -> assertThat(e.fieldErrors())
                                .containsOnly(
                                        Map.entry("action", "Required"),
                                        Map.entry("messageIds[0]", "Must be a string, not a number"),
                                        Map.entry("queue", "Required")));
    }

    @ParameterizedTest
    @CsvSource({"application, json,", "application, json, utf-8", "APPLICATION, JSON, UTF-8", "application, json, utf8"
    })
    void acceptsJsonInUtf8(String type, String subtype, String charset) {
        assertThat(JsonBodyReader.unsupported(mediaType(type, subtype, charset)))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "application, json, klingon",
        "application, json, iso-8859-1",
        "application, json, utf-16",
        "application, json, ut f8",
        "application, json, ''",
        "text, plain,",
        "application, x-www-form-urlencoded,",
        "application, problem+json,",
        "text, json,"
    })
    void refusesAnythingElseAsUnsupported(String type, String subtype, String charset) {
        assertThat(JsonBodyReader.unsupported(mediaType(type, subtype, charset)))
                .isPresent();
    }

    @Test
    void refusesABodyWithoutContentType() {
        assertThat(JsonBodyReader.unsupported(null)).isPresent();
    }

    private static MediaType mediaType(String type, String subtype, String charset) {
        return new MediaType(type, subtype, charset == null ? Map.of() : Map.of(MediaType.CHARSET_PARAMETER, charset));
    }
}
