package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The core flow over REST, and what the API does with input it must refuse. */
class RegistrationFlowIT extends InContainerTest {

    @Resource(lookup = "java:/jms/topic/webstore.events")
    Topic webstoreEvents;

    @Test
    void registeredCustomerBecomesAMarketingContactWithTheCorrelationIdIntact() {
        var correlationId = UUID.randomUUID();
        var email = Api.uniqueEmail("ada");

        var created = api.register(email, "Ada Lovelace", correlationId);

        assertThat(created.status()).isEqualTo(201);
        var customer = created.json();
        var customerId = customer.getString("id");
        assertThat(created.location()).endsWith("/api/customers/" + customerId);
        assertThat(created.correlationHeader()).isEqualTo(correlationId.toString());
        assertThat(customer.getString("email")).isEqualTo(email);
        assertThat(customer.getString("correlationId")).isEqualTo(correlationId.toString());
        assertThat(api.as("staff").get(created.location()).json().getString("fullName"))
                .isEqualTo("Ada Lovelace");

        var contacts = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.as("marketing")
                                .get("api/marketing/contacts?customerId=" + customerId)
                                .array(),
                        list -> !list.isEmpty());
        var contact = contacts.getJsonObject(0);
        assertThat(contacts).hasSize(1);
        assertThat(contact.getString("email")).isEqualTo(email);
        assertThat(contact.getString("fullName")).isEqualTo("Ada Lovelace");
        assertThat(contact.getString("correlationId")).isEqualTo(correlationId.toString());
        assertThat(tables.processedMessagesOfFlow(correlationId)).isEqualTo(1);
    }

    @Test
    void correlationIdIsCreatedWhenTheCallerSendsNone() {
        var created = api.register(Api.uniqueEmail("grace"), "Grace Hopper", null);

        assertThat(created.status()).isEqualTo(201);
        var correlationId = UUID.fromString(created.json().getString("correlationId"));
        await().atMost(Duration.ofSeconds(30)).until(() -> tables.contactsOfFlow(correlationId) == 1);
    }

    @Test
    void invalidRegistrationGetsFieldErrorsAndPublishesNothing() {
        var correlationId = UUID.randomUUID();
        try (var events = new WebstoreEvents(connectionFactory, webstoreEvents, correlationId)) {

            var refused = api.register("not-an-address", " ", correlationId);

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            var problem = refused.json();
            assertThat(problem.getInt("status")).isEqualTo(422);
            assertThat(problem.getJsonArray("errors").getValuesAs(jakarta.json.JsonObject.class))
                    .extracting(e -> e.getString("field"))
                    .as("a client of the first API version hears about the field it sent")
                    .containsExactlyInAnyOrder("email", "fullName");
            var current = api.register("not-an-address", "", "F".repeat(101), false, correlationId);
            assertThat(current.status()).isEqualTo(422);
            assertThat(current.json().getJsonArray("errors").getValuesAs(jakarta.json.JsonObject.class))
                    .extracting(e -> e.getString("field"))
                    .containsExactlyInAnyOrder("email", "givenName", "familyName");
            assertThat(events.next(1500))
                    .as("message published for an invalid registration")
                    .isNull();
            assertThat(tables.customersOfFlow(correlationId)).isZero();
        }
    }

    @Test
    void duplicateEmailIsAConflictAndPublishesNothing() {
        var email = Api.uniqueEmail("alan");
        assertThat(api.register(email, "Alan Turing", null).status()).isEqualTo(201);

        var secondFlow = UUID.randomUUID();
        try (var events = new WebstoreEvents(connectionFactory, webstoreEvents, secondFlow)) {
            // Same mailbox, different spelling: addresses compare case-insensitively.
            var refused = api.register(email.toUpperCase(), "Someone Else", secondFlow);

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                    .isEqualTo("email");
            assertThat(events.next(1500))
                    .as("message published for a duplicate registration")
                    .isNull();
        }
        assertThat(tables.customersWithEmail(email)).isEqualTo(1);
    }

    @Test
    void malformedOversizedAndUnknownRequestsGetProblemDetailsWithoutStackTraces() {
        var malformed = api.post("api/customers", "{\"email\": ", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        var emptyObject = api.post("api/customers", "{}", null);
        assertThat(emptyObject.status()).isEqualTo(422);

        var huge = api.post("api/customers", "{\"email\":\"" + "x".repeat(20_000) + "\"}", null);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");

        var hugeChunked = api.postChunked(
                "api/customers",
                ("{\"email\":\"" + "x".repeat(20_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(hugeChunked.status()).isEqualTo(413);
        assertThat(hugeChunked.contentType()).startsWith("application/problem+json");

        var controlCharacters = api.register(Api.uniqueEmail("nul"), "Bad\u0000Name", null);
        assertThat(controlCharacters.status()).isEqualTo(422);
        assertThat(controlCharacters.body()).contains("fullName").contains("Full name contains control characters");

        var notJsonObject = api.post("api/customers", "[1, 2]", null);
        assertThat(notJsonObject.status()).isEqualTo(400);

        var notAnId = api.as("staff").get("api/customers/not-a-uuid");
        assertThat(notAnId.status()).isEqualTo(404);
        assertThat(notAnId.contentType()).startsWith("application/problem+json");

        var unknown = api.as("staff").get("api/customers/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        for (var reply : new Api.Reply[] {
            malformed, emptyObject, huge, hugeChunked, controlCharacters, notJsonObject, notAnId, unknown
        }) {
            assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
