package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Topic;
import jakarta.json.Json;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A client that retries with the same Idempotency-Key gets the first answer again, and nothing happens twice. */
class IdempotencyKeyIT extends InContainerTest {

    @Resource(lookup = "java:/jms/topic/webstore.events")
    Topic webstoreEvents;

    static String body(String email, String givenName) {
        return Json.createObjectBuilder()
                .add("email", email)
                .add("givenName", givenName)
                .add("familyName", "Retry")
                .add("marketingConsent", true)
                .build()
                .toString();
    }

    @Test
    void theSameKeyAndBodyTwiceRegisterOnceAndAnswerTheSame() throws Exception {
        var email = Api.uniqueEmail("idem");
        var key = UUID.randomUUID().toString();
        var flow = UUID.randomUUID();
        try (var events = new WebstoreEvents(connectionFactory, webstoreEvents, flow)) {

            var first = api.post("api/customers", body(email, "Ada"), flow, key);
            // The retry may carry another correlation id and spell the address differently: same registration.
            var retry = api.post("api/customers", body(email.toUpperCase(), " Ada "), UUID.randomUUID(), key);

            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.location()).isEqualTo(first.location());
            assertThat(retry.correlationHeader())
                    .isEqualTo(first.correlationHeader())
                    .isEqualTo(flow.toString());
            assertThat(retry.json()).isEqualTo(first.json());
            assertThat(tables.customersWithEmail(email)).isOne();
            assertThat(events.next(10_000)).as("CustomerRegistered").isNotNull();
            assertThat(events.next(1_000)).as("a second CustomerRegistered").isNull();
            await().atMost(Duration.ofSeconds(15)).until(() -> tables.contactsOfFlow(flow) == 1);
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndRegistersNothing() {
        var key = UUID.randomUUID().toString();
        var first = api.post("api/customers", body(Api.uniqueEmail("idem"), "Ada"), null, key);
        var other = Api.uniqueEmail("idem-other");

        var reused = api.post("api/customers", body(other, "Ada"), null, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.json().getString("type")).endsWith("/problems/idempotency-key-reused");
        assertThat(tables.customersWithEmail(other)).isZero();
    }

    @Test
    void concurrentRequestsWithTheSameKeyRegisterOnceAndBothGetTheWinnersAnswer() {
        var email = Api.uniqueEmail("idem-race");
        var key = UUID.randomUUID().toString();
        var one = CompletableFuture.supplyAsync(() -> api.post("api/customers", body(email, "Ada"), null, key));
        var two = CompletableFuture.supplyAsync(() -> api.post("api/customers", body(email, "Ada"), null, key));

        var a = one.join();
        var b = two.join();

        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(b.status()).as(b.body()).isEqualTo(201);
        assertThat(b.location()).isEqualTo(a.location());
        assertThat(b.correlationHeader()).isEqualTo(a.correlationHeader());
        assertThat(tables.customersWithEmail(email)).isOne();
    }

    @Test
    void aKeyThatIsNotPrintableAsciiOrTooLongIsABadRequest() {
        var email = Api.uniqueEmail("idem-bad");

        var tooLong = api.post("api/customers", body(email, "Ada"), null, "k".repeat(201));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(tooLong.json().getString("type")).endsWith("/problems/invalid-idempotency-key");
        assertThat(tables.customersWithEmail(email)).isZero();
    }

    @Test
    void withoutAKeyASecondRequestIsAConflictAsBefore() {
        var email = Api.uniqueEmail("idem-none");

        var first = api.post("api/customers", body(email, "Ada"), null);
        var second = api.post("api/customers", body(email, "Ada"), null);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().getString("type")).endsWith("/problems/email-already-registered");
        assertThat(tables.customersWithEmail(email)).isOne();
    }
}
