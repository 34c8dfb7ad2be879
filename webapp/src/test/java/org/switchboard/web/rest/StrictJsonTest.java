package org.switchboard.web.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                " {\"a\": \"x\", \"b\": [1, true, null, {\"c\": \"d\"}]} \n",
                "{\"a\": {\"a\": 1}}",
                "{\"name\": \"Ada 🚀 山田 \\u00e9\"}"
            })
    void readsExactlyOneObject(String body) {
        assertThat(StrictJson.object(utf8(body))).isNotNull();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("empty", "", "empty"),
                Arguments.of("blank", "  \t\n ", "empty"),
                Arguments.of("not JSON", "email=a@example.org", "not valid JSON"),
                Arguments.of("cut off", "{\"email\": ", "not valid JSON"),
                Arguments.of("top-level array", "[{\"email\": \"a@example.org\"}]", "must be a JSON object"),
                Arguments.of("top-level string", "\"a@example.org\"", "must be a JSON object"),
                Arguments.of("top-level number", "42", "must be a JSON object"),
                Arguments.of("top-level null", "null", "must be a JSON object"),
                Arguments.of("trailing garbage", "{\"a\": 1} x", "more after it"),
                Arguments.of("trailing brace", "{\"a\": 1}}", "more after it"),
                Arguments.of("two documents", "{\"a\": 1}{\"a\": 2}", "more after it"),
                Arguments.of("two documents on two lines", "{\"a\": 1}\n{\"a\": 2}", "more after it"),
                Arguments.of("duplicate key", "{\"a\": 1, \"a\": 2}", "appears twice"),
                Arguments.of("duplicate key written as an escape", "{\"a\": 1, \"\\u0061\": 2}", "appears twice"),
                Arguments.of("duplicate nested key", "{\"o\": {\"k\": true, \"k\": false}}", "appears twice"),
                Arguments.of("lone surrogate", "{\"a\": \"x\\ud800\"}", "unpaired surrogate"),
                Arguments.of("lone surrogate in a key", "{\"\\udc00\": 1}", "unpaired surrogate"),
                Arguments.of("noncharacter", "{\"a\": \"\\uffff\"}", "noncharacter"),
                Arguments.of("single quotes", "{'a': 1}", "not valid JSON"),
                Arguments.of("comment", "{\"a\": 1 /* x */}", "not valid JSON"),
                Arguments.of("NaN", "{\"a\": NaN}", "not valid JSON"),
                Arguments.of("byte order mark", "\uFEFF{\"a\": 1}", "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses(String what, String body, String reason) {
        var bytes = utf8(body);
        assertThatThrownBy(() -> StrictJson.object(bytes))
                .as(what)
                .isInstanceOf(MalformedRequestBody.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(ints = {StrictJson.MAX_DEPTH + 1, 5_000})
    void refusesDeepNesting(int depth) {
        var body = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        assertThatThrownBy(() -> StrictJson.object(utf8(body))).hasMessageContaining("nested deeper");
        var arrays = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        assertThatThrownBy(() -> StrictJson.object(utf8(arrays))).hasMessageContaining("nested deeper");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": \"\u00e9\"}"})
    void refusesBytesThatAreNotUtf8(String body) {
        var latin1 = body.getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> StrictJson.object(latin1)).hasMessageContaining("not UTF-8");
        var utf16 = body.getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> StrictJson.object(utf16)).isInstanceOf(MalformedRequestBody.class);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
