package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.messaging.Headers;

/**
 * Two major versions of CustomerRegistered in flight at once: the Web Store publishes whichever its
 * configuration says, the transformer reads both, and Marketing gets what each version can carry.
 * The producer's schema check refuses what the configured version cannot express.
 */
class EventVersionsIT extends InContainerTest {

    /** Read by the Web Store at every publish (see PublishedVersions). */
    static final String PUBLISHED_VERSION = "switchboard.webstore.customer-registered.version";

    @Resource(lookup = "java:/jms/topic/webstore.events")
    Topic webstoreEvents;

    @AfterEach
    void backToTheDefault() {
        System.clearProperty(PUBLISHED_VERSION);
    }

    @Test
    void v1AndV2FlowSideBySideAndBothReachMarketing() throws Exception {
        var ada = new Registration(Api.uniqueEmail("v1-ada"), UUID.randomUUID());
        var grace = new Registration(Api.uniqueEmail("v2-grace"), UUID.randomUUID());
        var plato = new Registration(Api.uniqueEmail("v2-plato"), UUID.randomUUID());

        System.setProperty(PUBLISHED_VERSION, "1");
        var v1 = publish(ada, "Ada", "Lovelace", true);
        System.clearProperty(PUBLISHED_VERSION);
        var v2 = publish(grace, "Grace", "Hopper", true);
        var v2OneName = publish(plato, "Plato", null, false);

        assertThat(v1.getIntProperty(Headers.SCHEMA_VERSION)).isEqualTo(1);
        assertThat(body(v1).getString("fullName")).isEqualTo("Ada Lovelace");
        assertThat(body(v1).containsKey("marketingConsent")).isFalse();
        assertThat(v2.getIntProperty(Headers.SCHEMA_VERSION)).isEqualTo(2);
        assertThat(body(v2).getJsonObject("name").getString("family")).isEqualTo("Hopper");
        assertThat(body(v2OneName).getJsonObject("name").containsKey("family")).isFalse();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> tables.contactsOfFlow(ada.correlationId()) == 1
                        && tables.contactsOfFlow(grace.correlationId()) == 1
                        && tables.contactsOfFlow(plato.correlationId()) == 1);
        assertThat(tables.contactByEmail(ada.email()))
                .as("v1 carries no consent: Marketing records it as not stated")
                .isEqualTo(new Tables.StoredContact("Ada Lovelace", null));
        assertThat(tables.contactByEmail(grace.email())).isEqualTo(new Tables.StoredContact("Grace Hopper", true));
        assertThat(tables.contactByEmail(plato.email())).isEqualTo(new Tables.StoredContact("Plato", false));
    }

    @Test
    void theProducerRefusesAnEventItsSchemaForbidsAndStoresNothing() {
        var correlationId = UUID.randomUUID();
        var email = Api.uniqueEmail("long-name");
        System.setProperty(PUBLISHED_VERSION, "1");
        try (var events = new WebstoreEvents(connectionFactory, webstoreEvents, correlationId)) {

            // Valid for the Web Store (100 + 100 characters), but v1's fullName holds at most 200.
            var refused = api.register(email, "G".repeat(100), "F".repeat(100), false, correlationId);

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            var problem = refused.json();
            assertThat(problem.getString("type")).endsWith("unpublishable-registration");
            assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
                    .singleElement()
                    .satisfies(error -> {
                        assertThat(error.getString("field")).isEqualTo("fullName");
                        assertThat(error.getString("message")).contains("webstore.CustomerRegistered v1");
                    });
            assertThat(refused.body()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(events.next(1500)).as("event published").isNull();
            assertThat(tables.customersWithEmail(email)).isZero();
        }

        System.clearProperty(PUBLISHED_VERSION);
        var asV2 = UUID.randomUUID();
        assertThat(api.register(email, "G".repeat(100), "F".repeat(100), false, asV2)
                        .status())
                .as("the same registration as v2")
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> tables.contactsOfFlow(asV2) == 1);
        assertThat(tables.contactByEmail(email).fullName()).hasSize(201);
    }

    record Registration(String email, UUID correlationId) {}

    /** Registers over REST and returns the event the Web Store published for it. */
    private TextMessage publish(Registration registration, String given, String family, boolean consent) {
        try (var events = new WebstoreEvents(connectionFactory, webstoreEvents, registration.correlationId())) {
            var created = api.register(registration.email(), given, family, consent, registration.correlationId());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            var event = events.next(10_000);
            assertThat(event).as("event of %s", registration.email()).isInstanceOf(TextMessage.class);
            return (TextMessage) event;
        }
    }

    private static JsonObject body(TextMessage message) throws JMSException {
        return Json.createReader(new StringReader(message.getText())).readObject();
    }
}
