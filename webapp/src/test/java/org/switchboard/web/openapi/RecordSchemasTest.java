package org.switchboard.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.operations.monitoring.boundary.QueueStatus;

class RecordSchemasTest {

    enum Colour {
        RED,
        GREEN
    }

    record Part(String reason, int attempts) {}

    record View(UUID id, Instant at, Colour colour, List<Part> parts, Map<String, Long> counts, boolean open) {}

    record Flat(String name, Part part) {}

    record Odd(Thread thread) {}

    @Test
    void aRecordIsAReferencedObjectWithExactlyItsComponents() {
        var schemas = new RecordSchemas(Set.of());

        var list = schemas.of(
                new Object() {
                    List<View> views;
                }.getClass().getDeclaredFields()[0].getGenericType());

        assertThat(list.getString("type")).isEqualTo("array");
        assertThat(list.getJsonObject("items").getString("$ref"))
                .isEqualTo(RecordSchemas.REF_PREFIX + "RecordSchemasTestView");
        var view = schemas.components().get("RecordSchemasTestView");
        var properties = view.getJsonObject("properties");
        assertThat(properties.keySet()).containsExactly("id", "at", "colour", "parts", "counts", "open");
        assertThat(properties.getJsonObject("id").getString("format")).isEqualTo("uuid");
        assertThat(properties.getJsonObject("at").getString("format")).isEqualTo("date-time");
        assertThat(properties.getJsonObject("colour").getJsonArray("enum").toString())
                .isEqualTo("[\"RED\",\"GREEN\"]");
        assertThat(properties
                        .getJsonObject("counts")
                        .getJsonObject("additionalProperties")
                        .getString("type"))
                .isEqualTo("integer");
        assertThat(view.getJsonArray("required").toString())
                .as("JSON-B leaves nulls out: only primitives are always there")
                .isEqualTo("[\"open\"]");
        assertThat(view.getBoolean("additionalProperties")).isFalse();
        assertThat(schemas.components()).containsKey("RecordSchemasTestPart");
    }

    @Test
    void aFlatViewHasItsPartsFieldsAtItsOwnLevel() {
        var schemas = new RecordSchemas(Set.of(Flat.class));

        schemas.of(Flat.class);

        assertThat(properties(schemas, "RecordSchemasTestFlat")).containsExactly("name", "reason", "attempts");
        assertThat(schemas.components()).doesNotContainKey("RecordSchemasTestPart");
    }

    @Test
    void operationsQueueStatusIsWrittenFlatAsItsSerializerWritesIt() {
        var schemas = new RecordSchemas(ApiDocument.flatViews());

        schemas.of(QueueStatus.class);

        assertThat(properties(schemas, "QueueStatus"))
                .contains("deadLetterDepth", "addedPerSecond")
                .doesNotContain("sample", "rates");
    }

    @Test
    void aTypeWithoutAKnownJsonFormIsRefusedNotGuessed() {
        assertThatThrownBy(() -> new RecordSchemas(Set.of()).of(Odd.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Thread");
    }

    @Test
    void everyResourceMethodsReturnTypeHasASchema() {
        var schemas = new RecordSchemas(ApiDocument.flatViews());
        for (var resource : ApiDocument.RESOURCES) {
            for (var method : resource.getMethods()) {
                if (ApiDocument.verb(method) != null && method.getReturnType() != jakarta.ws.rs.core.Response.class) {
                    assertThat(schemas.of(method.getGenericReturnType()))
                            .as("%s.%s", resource.getSimpleName(), method.getName())
                            .isNotNull();
                }
            }
        }
        assertThat(schemas.components()).containsKeys("Journey", "RequestView", "AuditView", "OrderStatus");
    }

    @Test
    void aResourceMethodsPathIsTheDocumentsPath() throws NoSuchMethodException {
        var method = org.switchboard.web.rest.OperationsResource.class.getMethod("journey", String.class);

        assertThat(ApiDocument.path(org.switchboard.web.rest.OperationsResource.class, method))
                .isEqualTo("/api/ops/journeys/{correlationId}");
    }

    private static Set<String> properties(RecordSchemas schemas, String name) {
        JsonObject schema = schemas.components().get(name);
        return schema.getJsonObject("properties").keySet();
    }
}
