package org.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.contracts.Message;

/**
 * Each contract record has its JSON Schema at schema/&lt;context&gt;/&lt;Message&gt;.v&lt;VERSION&gt;.schema.json,
 * and the two agree: the same fields, all required, and the schema's examples read as the record.
 * (Validating messages against the schemas at runtime is the next step, not this test.)
 */
class ContractSchemasTest {

    static final Path SCHEMAS = Path.of("../../schema");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "org.switchboard.contracts.webstore.CustomerRegistered",
                "org.switchboard.contracts.marketing.CreateCustomer"
            })
    void recordAndSchemaAgree(String contractName) throws Exception {
        @SuppressWarnings("unchecked")
        var contract = (Class<? extends Message>) Class.forName(contractName);
        var type = MessageType.of(contract);
        var context = type.name().substring(0, type.name().indexOf('.'));
        var file = SCHEMAS.resolve(context).resolve(contract.getSimpleName() + ".v" + type.version() + ".schema.json");
        assertThat(file).as("schema of %s", type).exists();
        var schema = read(file);

        var fields = Arrays.stream(contract.getRecordComponents())
                .map(c -> c.getName())
                .toList();
        assertThat(schema.getString("$id"))
                .endsWith("/" + context + "/" + contract.getSimpleName() + ".v" + type.version() + ".schema.json");
        assertThat(schema.getJsonObject("properties").keySet()).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(strings(schema, "required")).containsExactlyInAnyOrderElementsOf(fields);
        schema.getJsonObject("properties")
                .forEach((field, definition) -> assertThat(
                                definition.asJsonObject().getString("description", ""))
                        .as("description of %s.%s", contract.getSimpleName(), field)
                        .isNotBlank());
        for (var example : schema.getJsonArray("examples")) {
            var message = JsonMessages.fromJson(example.toString(), contract);
            assertThat(message.messageId()).as("example of %s", type).isNotNull();
        }
    }

    private static JsonObject read(Path file) throws IOException {
        try (var reader = Json.createReader(new StringReader(Files.readString(file)))) {
            return reader.readObject();
        }
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
