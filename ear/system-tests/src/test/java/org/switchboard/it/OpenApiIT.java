package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.marketing.boundary.MarketingContact;
import org.switchboard.web.rest.CustomersResource;
import org.switchboard.web.rest.Problem;
import org.switchboard.webstore.boundary.RegisteredCustomer;

/**
 * The served OpenAPI document describes the API as it is: every body schema is complete and
 * resolvable, every operation names the errors it can answer, and the answers the API really
 * gives validate against the schemas it documents for them.
 */
class OpenApiIT extends InContainerTest {

    private static final Pattern REF = Pattern.compile("\"\\$ref\":\"#/components/schemas/([^\"]+)\"");

    private JsonObject document;

    @BeforeEach
    void readTheDocument() {
        var reply = api.get("openapi?format=JSON");
        assertThat(reply.status()).isEqualTo(200);
        document = reply.json();
    }

    @Test
    void everyDocumentedSchemaHasExactlyTheFieldsOfItsRecord() {
        var schemas = document.getJsonObject("components").getJsonObject("schemas");

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
        JsonObject post = operation("/api/customers", "post");

        assertThat(post.getJsonObject("requestBody").toString()).contains("#/components/schemas/NewCustomer");
        assertThat(post.getJsonObject("responses").getJsonObject("201").toString())
                .contains("#/components/schemas/RegisteredCustomer");
        assertThat(post.getJsonObject("responses").getJsonObject("422").toString())
                .contains("application/problem+json")
                .contains("#/components/schemas/Problem");
    }

    @Test
    void everyReferenceResolvesAndEveryJsonSuccessHasABodySchema() {
        var schemas = document.getJsonObject("components").getJsonObject("schemas");
        var unresolved = REF.matcher(document.toString())
                .results()
                .map(match -> match.group(1))
                .filter(name -> !schemas.containsKey(name))
                .distinct()
                .toList();
        assertThat(unresolved).as("$refs without a schema").isEmpty();

        var undescribed = new ArrayList<String>();
        operations((path, method, operation) -> operation
                .getJsonObject("responses")
                .forEach((status, response) -> {
                    var content = response.asJsonObject().getJsonObject("content");
                    if (status.startsWith("2") && content != null && content.containsKey("application/json")) {
                        var schema = content.getJsonObject("application/json").getJsonObject("schema");
                        if (undescribed(schema)) {
                            undescribed.add(method + " " + path + " " + status + ": " + schema);
                        }
                    }
                }));
        assertThat(undescribed).as("JSON success responses without a schema").isEmpty();
    }

    @Test
    void everyOperationBehindTheLoginDocuments401And403AndEveryErrorIsAProblem() {
        var missing = new ArrayList<String>();
        operations((path, method, operation) -> {
            var responses = operation.getJsonObject("responses");
            if (operation.containsKey("security")
                    && !operation.getJsonArray("security").isEmpty()) {
                for (var status : List.of("401", "403")) {
                    if (!responses.containsKey(status)) {
                        missing.add(method + " " + path + ": no " + status);
                    }
                }
            }
            responses.forEach((status, response) -> {
                var content = response.asJsonObject().getJsonObject("content");
                if (status.charAt(0) >= '4' && (content == null || !content.containsKey(Problem.MEDIA_TYPE))) {
                    missing.add(method + " " + path + " " + status + ": not a problem document");
                }
            });
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void theOperationsAnswersMatchTheirDocumentedSchemas() {
        var correlationId = UUID.randomUUID();
        assertThat(api.register(Api.uniqueEmail("openapi"), "Ada", "Lovelace", true, correlationId)
                        .status())
                .isEqualTo(201);
        var viewer = api.as("viewer");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> viewer.get("api/ops/journeys/" + correlationId).status() == 200);

        for (var path : List.of(
                "/api/ops/queues",
                "/api/ops/queues/history",
                "/api/ops/alerts",
                "/api/ops/health",
                "/api/ops/dead-letters",
                "/api/ops/dead-letter-queues",
                "/api/ops/requests",
                "/api/ops/audit",
                "/api/ops/journeys/{correlationId}",
                "/api/ops/sagas",
                "/api/ops/sagas/states",
                "/api/marketing/contacts",
                "/api/customers")) {
            var user = path.startsWith("/api/customers")
                    ? "staff"
                    : path.startsWith("/api/marketing") ? "marketing" : "viewer";
            var reply = api.as(user).get(path.substring(1).replace("{correlationId}", correlationId.toString()));
            assertThat(reply.status()).as("GET %s", path).isEqualTo(200);
            assertThat(violations(responseSchema(path, "get", "200"), reply.body()))
                    .as("GET %s against its documented schema", path)
                    .isEmpty();
        }
    }

    private List<String> violations(JsonObject schema, String body) {
        // The response schema, with the document's components beside it so that its references resolve.
        var root = Json.createObjectBuilder(schema)
                .add("components", document.getJsonObject("components"))
                .build();
        return SchemaRegistry.withDefaultDialect(Dialects.getDraft202012())
                .getSchema(root.toString(), InputFormat.JSON)
                .validate(body, InputFormat.JSON)
                .stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .limit(10)
                .toList();
    }

    private JsonObject responseSchema(String path, String method, String status) {
        return operation(path, method)
                .getJsonObject("responses")
                .getJsonObject(status)
                .getJsonObject("content")
                .getJsonObject("application/json")
                .getJsonObject("schema");
    }

    private JsonObject operation(String path, String method) {
        return document.getJsonObject("paths").getJsonObject(path).getJsonObject(method);
    }

    private interface OperationVisitor {
        void visit(String path, String method, JsonObject operation);
    }

    private void operations(OperationVisitor visitor) {
        document.getJsonObject("paths")
                .forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
                    if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                        visitor.visit(path, method, operation.asJsonObject());
                    }
                }));
    }

    /** What a scan writes for a type it cannot see: nothing, an object without properties, an array or map of such. */
    private static boolean undescribed(JsonObject schema) {
        if (schema == null
                || schema.containsKey("$ref")
                || schema.containsKey("enum")
                || schema.containsKey("properties")) {
            return schema == null;
        }
        var type = schema.get("type");
        if (type == null) {
            return true;
        }
        if (Json.createValue("array").equals(type)) {
            return undescribed(schema.getJsonObject("items"));
        }
        if (Json.createValue("object").equals(type)) {
            var additional = schema.get("additionalProperties");
            return !(additional instanceof JsonObject object) || undescribed(object);
        }
        return type == JsonValue.NULL;
    }
}
