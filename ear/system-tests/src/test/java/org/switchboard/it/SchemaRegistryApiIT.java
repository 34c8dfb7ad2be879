package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The registry's read-only REST API serves what the running application validates with. */
class SchemaRegistryApiIT extends InContainerTest {

    @Test
    void listsEverySubjectWithItsModeAndVersions() {
        var reply = api.get("api/schemas");

        assertThat(reply.status()).isEqualTo(200);
        var subjects = reply.array().getValuesAs(JsonObject.class);
        assertThat(subjects)
                .extracting(s -> s.getString("subject"))
                .startsWith(
                        "webstore.CustomerRegistered.v1",
                        "webstore.CustomerRegistered.v2",
                        "marketing.CreateCustomer.v1",
                        "operations.MessageHandled.v1")
                .contains(
                        "shipping.ArrangeShipment.v1",
                        "ordering.SagaTimeout.v1",
                        "ordering.ReturnRequested.v1",
                        "ordering.RedriveSaga.v1",
                        "ordering.OrderConfirmed.v1",
                        "ordering.OrderCancelled.v1")
                .doesNotHaveDuplicates()
                .hasSize(25);
        // The claim check's optional attachment is ArrangeShipment's second registered version.
        var arrange = subjects.stream()
                .filter(s -> s.getString("subject").equals("shipping.ArrangeShipment.v1"))
                .findFirst()
                .orElseThrow();
        assertThat(arrange.getJsonArray("versions").getValuesAs(JsonObject.class))
                .extracting(v -> v.getInt("version") + ":" + v.getBoolean("registered"))
                .containsExactly("1:true", "2:true");
        var command = subjects.get(2);
        assertThat(command.getString("compatibility")).isEqualTo("BACKWARD_TRANSITIVE");
        assertThat(command.getString("owner")).isEqualTo("marketing");
        // Version 4 is the current schema with the documented person-name rule ($defs), not yet registered.
        assertThat(command.getInt("latestVersion")).isEqualTo(4);
        assertThat(command.getJsonArray("versions").getValuesAs(JsonObject.class))
                .extracting(v -> v.getInt("version") + ":" + v.getBoolean("registered"))
                .containsExactly("1:true", "2:true", "3:true", "4:false");
        assertThat(subjects.get(0).getString("lifecycle")).isEqualTo("DEPRECATED");
    }

    @Test
    void servesEachVersionsSchema() {
        var latest = api.get("api/schemas/marketing.CreateCustomer.v1/versions/latest");
        var first = api.get("api/schemas/marketing.CreateCustomer.v1/versions/1");

        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.contentType()).startsWith("application/schema+json");
        assertThat(latest.json().getString("$id")).endsWith("/marketing/CreateCustomer.v1.schema.json");
        assertThat(latest.json().getJsonObject("properties").keySet()).contains("marketingConsent");
        assertThat(first.json().getJsonObject("properties").keySet()).doesNotContain("marketingConsent");
        var second =
                api.get("api/schemas/marketing.CreateCustomer.v1/versions/2").json();
        assertThat(second.getJsonObject("properties").keySet()).contains("marketingConsent");
        assertThat(second.getJsonObject("properties").getJsonObject("fullName").getInt("maxLength"))
                .isEqualTo(200);
        var third =
                api.get("api/schemas/marketing.CreateCustomer.v1/versions/3").json();
        assertThat(third.getJsonObject("properties").getJsonObject("fullName").getInt("maxLength"))
                .isEqualTo(201);
        assertThat(third.containsKey("$defs")).isFalse();
        assertThat(latest.json()
                        .getJsonObject("$defs")
                        .getJsonObject("personName")
                        .getString("pattern"))
                .isEqualTo(org.switchboard.messaging.schema.PersonNames.PATTERN);
        assertThat(api.get("api/schemas/marketing.CreateCustomer.v1/versions/4").json())
                .isEqualTo(latest.json());
    }

    @Test
    void unknownSubjectsAndVersionsAre404Problems() {
        var noSubject = api.get("api/schemas/webstore.CustomerDeleted.v1");
        var noVersion = api.get("api/schemas/webstore.CustomerRegistered.v2/versions/7");

        assertThat(noSubject.status()).isEqualTo(404);
        assertThat(noSubject.contentType()).startsWith("application/problem+json");
        assertThat(noSubject.json().getString("detail")).contains("webstore.CustomerDeleted.v1");
        assertThat(noVersion.status()).isEqualTo(404);
        assertThat(noVersion.json().getString("detail")).contains("not 7");
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() {
        var paths = api.get("openapi?format=JSON").json().getJsonObject("paths");

        assertThat(paths.keySet())
                .contains("/api/schemas", "/api/schemas/{subject}", "/api/schemas/{subject}/versions/{version}");
        assertThat(paths.getJsonObject("/api/schemas/{subject}/versions/{version}")
                        .getJsonObject("get")
                        .getJsonObject("responses")
                        .getJsonObject("200")
                        .getJsonObject("content")
                        .keySet())
                .contains("application/schema+json");
    }
}
