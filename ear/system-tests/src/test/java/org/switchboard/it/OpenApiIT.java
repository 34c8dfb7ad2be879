package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.marketing.boundary.MarketingContact;
import org.switchboard.web.rest.CustomersResource;
import org.switchboard.web.rest.Problem;
import org.switchboard.webstore.boundary.RegisteredCustomer;

/** The served OpenAPI document describes the bodies the API really reads and writes. */
class OpenApiIT extends InContainerTest {

    @Test
    void everyDocumentedSchemaHasExactlyTheFieldsOfItsRecord() {
        var reply = api.get("openapi?format=JSON");
        assertThat(reply.status()).isEqualTo(200);
        var schemas = reply.json().getJsonObject("components").getJsonObject("schemas");

        Map.of(
                        "NewCustomer", CustomersResource.RegistrationRequest.class,
                        "RegisteredCustomer", RegisteredCustomer.class,
                        "MarketingContact", MarketingContact.class,
                        "Problem", Problem.class)
                .forEach((name, record) -> assertThat(schemas.getJsonObject(name)
                                .getJsonObject("properties")
                                .keySet())
                        .as("properties of schema %s", name)
                        .containsExactlyInAnyOrderElementsOf(Arrays.stream(record.getRecordComponents())
                                .map(c -> c.getName())
                                .toList()));
    }

    @Test
    void registrationReferencesItsSchemas() {
        JsonObject post = api.get("openapi?format=JSON")
                .json()
                .getJsonObject("paths")
                .getJsonObject("/api/customers")
                .getJsonObject("post");

        assertThat(post.getJsonObject("requestBody").toString()).contains("#/components/schemas/NewCustomer");
        assertThat(post.getJsonObject("responses").getJsonObject("201").toString())
                .contains("#/components/schemas/RegisteredCustomer");
        assertThat(post.getJsonObject("responses").getJsonObject("422").toString())
                .contains("application/problem+json")
                .contains("#/components/schemas/Problem");
    }
}
