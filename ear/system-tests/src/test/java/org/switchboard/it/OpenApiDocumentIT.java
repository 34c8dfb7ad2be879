package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The served OpenAPI document is valid against the official OpenAPI 3.1 schema (the OpenAPI
 * Initiative's, src/test/resources/openapi/, Apache-2.0), read as a client reads it, with the same
 * JSON Schema validator the message schemas use.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class OpenApiDocumentIT {

    static final String OFFICIAL_SCHEMA = "openapi/oas-3.1-schema-2022-10-07.json";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    URL base;

    @Test
    void theServedDocumentIsValidOpenApi31() throws Exception {
        var document = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.toURI().resolve("openapi?format=JSON"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        // Kept for whoever reads a failure below.
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), document.body());

        var schema = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012())
                .getSchema(officialSchema(), InputFormat.JSON);
        var errors = schema.validate(document.body(), InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();

        assertThat(errors)
                .as("the served document against the OpenAPI 3.1 schema")
                .isEmpty();
        assertThat(document.body()).contains("\"securitySchemes\"");
    }

    private static String officialSchema() throws IOException {
        try (var in = OpenApiDocumentIT.class.getClassLoader().getResourceAsStream(OFFICIAL_SCHEMA)) {
            assertThat(in).as(OFFICIAL_SCHEMA).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
