package org.switchboard.messaging.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.switchboard.messaging.MessageType;

/** The validator names the offending field, checks formats, and refuses what the closed model does not list. */
class MessageSchemasTest {

    static final MessageSchemas SCHEMAS = new MessageSchemas(SchemaRegistry.fromDirectory(Path.of("../../schema")));
    static final MessageType V2 = new MessageType("webstore.CustomerRegistered", 2);

    static final String VALID = """
            {"messageId":"0f8e2c1a-3b7d-4c55-9a61-2d7c1f0e9b34","occurredAt":"2026-11-22T10:15:30.125Z",
             "correlationId":"5b1d7a3e-8c2f-4e19-b6a0-93f4e2c8d710","causationId":"5b1d7a3e-8c2f-4e19-b6a0-93f4e2c8d710",
             "customerId":"c7a4e9f2-1d3b-4a8e-8f60-5e2b9d4c1a07","email":"ada@example.org",
             "name":{"given":"Ada","family":"Lovelace"},"marketingConsent":true,"registeredAt":"2026-11-22T10:15:30.118Z"}
            """;

    @Test
    void acceptsAValidMessage() {
        assertThat(SCHEMAS.validate(V2, VALID)).isEmpty();
    }

    @Test
    void namesAMissingNestedField() {
        var violations = SCHEMAS.validate(V2, VALID.replace("\"given\":\"Ada\",", ""));

        assertThat(violations).extracting(SchemaViolation::field).containsExactly("name.given");
        assertThat(violations.get(0).keyword()).isEqualTo("required");
    }

    @Test
    void checksFormatsNotJustTypes() {
        var violations = SCHEMAS.validate(
                V2,
                VALID.replace("\"ada@example.org\"", "\"not an address\"")
                        .replace("\"c7a4e9f2-1d3b-4a8e-8f60-5e2b9d4c1a07\"", "\"c7a4\""));

        assertThat(violations).extracting(SchemaViolation::field).containsExactlyInAnyOrder("email", "customerId");
        assertThat(violations).extracting(SchemaViolation::keyword).containsOnly("format");
    }

    @Test
    void namesAWrongType() {
        var violations =
                SCHEMAS.validate(V2, VALID.replace("\"marketingConsent\":true", "\"marketingConsent\":\"yes\""));

        assertThat(violations).extracting(SchemaViolation::field).containsExactly("marketingConsent");
        assertThat(violations.get(0).message()).contains("boolean");
    }

    @Test
    void refusesFieldsTheSchemaDoesNotList() {
        var violations = SCHEMAS.validate(V2, VALID.replace("\"email\"", "\"fullName\":\"Ada\",\"email\""));

        assertThat(violations).extracting(SchemaViolation::field).containsExactly("fullName");
        assertThat(violations.get(0).keyword()).isEqualTo("additionalProperties");
    }

    @Test
    void aV2BodyIsNotAValidV1() {
        assertThat(SCHEMAS.validate(new MessageType("webstore.CustomerRegistered", 1), VALID))
                .extracting(SchemaViolation::field)
                .contains("fullName", "name", "marketingConsent");
    }

    @Test
    void fillsInDefaultsForAbsentFieldsAtAnyDepth(@org.junit.jupiter.api.io.TempDir Path copy) throws Exception {
        var schemas = new java.util.ArrayList<String>();
        try (var files = java.nio.file.Files.walk(Path.of("../../schema"))) {
            for (var file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                var target =
                        copy.resolve(Path.of("../../schema").relativize(file).toString());
                java.nio.file.Files.createDirectories(target.getParent());
                var text = java.nio.file.Files.readString(file);
                if (file.endsWith("CustomerRegistered.v2.schema.json")) {
                    text = text.replace("\"type\": \"boolean\"", "\"type\": \"boolean\", \"default\": false")
                            .replace(
                                    "\"description\": \"Family name (surname); absent for customers who have only one name. Written by the Web Store under the rule in $defs/personName.\",",
                                    "\"description\": \"x\", \"default\": \"(none)\",");
                    schemas.add(text);
                }
                java.nio.file.Files.writeString(target, text);
            }
        }
        assertThat(schemas).as("fixture edited").hasSize(1);
        var withDefaults = new MessageSchemas(SchemaRegistry.fromDirectory(copy));
        var old = VALID.replace(",\"marketingConsent\":true", "").replace(",\"family\":\"Lovelace\"", "");

        var filled = withDefaults.withDefaults(V2, old);

        assertThat(filled).contains("\"marketingConsent\":false").contains("\"family\":\"(none)\"");
        assertThat(withDefaults.validate(V2, filled)).isEmpty();
        assertThat(SCHEMAS.withDefaults(V2, VALID))
                .as("nothing missing, nothing changed")
                .isSameAs(VALID);
    }

    /**
     * With no defaults to fill in, the body is first read by the validator, not by JSON-P: what is
     * not JSON must still be told as such (a {@code JsonException}, MALFORMED_JSON on a dead letter),
     * and what is JSON must not be. Content after the first value is refused too; JSON-P's reader
     * stopped after that value, so such a body used to fail later, in the validator, with an
     * exception that nothing told from a failure of ours, and was retried to its last attempt.
     */
    @Test
    void tellsWhatIsNotJsonAsSuch() {
        assertThat(SCHEMAS.withDefaults(V2, "{"))
                .as("not read: the schema declares no default")
                .isEqualTo("{");
        var notJson = java.util.List.of(
                "",
                " ",
                "{",
                "{\"email\": ",
                "not json",
                "{'a':1}",
                "[1,]",
                "{\"a\":1,}",
                "{\"a\":NaN}",
                "{\"a\":01}",
                "{\"a\":\"\\x\"}",
                "// comment\n{}");
        for (var body : notJson) {
            assertThat(readByJsonP(body)).as("JSON-P reads %s", body).isFalse();
            assertThat(readByValidator(body)).as("the validator reads %s", body).isFalse();
        }
        for (var body : java.util.List.of("{\"a\":1} x", "{\"a\":1}{\"b\":2}")) {
            assertThat(readByValidator(body)).as("the validator reads %s", body).isFalse();
        }
        var json = java.util.List.of(
                "{}", "[]", "null", "42", "\"text\"", "{\"a\":1,\"a\":2}", VALID, VALID + "\n", " " + VALID);
        for (var body : json) {
            assertThat(readByJsonP(body)).as("JSON-P reads %s", body).isTrue();
            assertThat(readByValidator(body)).as("the validator reads %s", body).isTrue();
        }
    }

    private static boolean readByJsonP(String body) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            reader.readValue();
            return true;
        } catch (jakarta.json.JsonException e) {
            return false;
        }
    }

    private static boolean readByValidator(String body) {
        try {
            SCHEMAS.validate(V2, body);
            return true;
        } catch (jakarta.json.JsonException e) {
            return false;
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"ada@example.org", "bench-7@bench.example", "o'hara+news@mail.company.internal", "a.b@x-y.io"})
    void anyWellFormedAddressIsAValidEmailWhateverItsTopLevelDomain(String address) {
        assertThat(Mailbox.isValid(address)).isTrue();
        assertThat(SCHEMAS.validate(V2, VALID.replace("ada@example.org", address)))
                .isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "ada",
                "ada@",
                "@example.org",
                "ada@localhost",
                "ada@@example.org",
                "a..b@example.org",
                "ada@-example.org",
                "ada@exa_mple.org",
                "ü@bücher.de",
                "ada @example.org"
            })
    void malformedAddressesAreNot(String address) {
        assertThat(Mailbox.isValid(address)).isFalse();
        assertThat(SCHEMAS.validate(V2, VALID.replace("ada@example.org", address)))
                .extracting(SchemaViolation::field)
                .contains("email");
    }

    @Test
    void lengthsFollowRfc5321() {
        assertThat(Mailbox.isValid("a".repeat(64) + "@example.org")).isTrue();
        assertThat(Mailbox.isValid("a".repeat(65) + "@example.org")).isFalse();
        var longDomain = String.join(".", java.util.Collections.nCopies(5, "b".repeat(60))) + ".org";
        assertThat(Mailbox.isValid("a@" + longDomain)).as("longer than 254").isFalse();
        assertThat(Mailbox.isValid("a@" + longDomain.substring(61)))
                .as("within 254")
                .isTrue();
    }
}
