package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.payments.control.WebhookSignatures;

/**
 * The payment provider's signed notifications into Payments (issue 13), with the real provider
 * process posting them: a settlement answers the waiting saga even while the provider's API is
 * down, a chargeback releases the amount, a replayed notification changes nothing, and forged,
 * stale, rotated-out and unreadable ones are refused with problem+json, counted, and store nothing.
 * The server verifies with two secrets (arquillian.xml): the current and, as during a rotation,
 * the previous one.
 */
class ProviderWebhooksIT extends InContainerTest {

    static final long PRICE = 300;
    static final String PATH = "api/webhooks/payment-provider";

    final PaymentProvider provider = new PaymentProvider();
    final String current = System.getProperty("switchboard.payments.webhook-secret");
    final String previous = System.getProperty("switchboard.payments.webhook-secret-previous");

    Shop shop;

    @BeforeEach
    void aCustomerAProductAndTheProviderPostingToUs() {
        provider.reset();
        provider.webhooks(base + PATH, current);
        shop = Shop.open(api, tables, "webhooks", PRICE, 100);
    }

    @AfterEach
    void providerBackToNormalAndQuiet() {
        provider.reset();
        provider.webhooks("", "");
    }

    @Test
    void aSettlementByWebhookAnswersTheWaitingSagaWhileTheProviderIsDownAndAReplayChangesNothing() {
        provider.behave("{\"pendingRatio\":1.0,\"settleAfterMs\":2500}");
        var authorisesBefore = provider.calls("authorise");
        var order = shop.place();
        var saga = shop.sagaId(order);
        await("the provider took the payment as pending")
                .atMost(Duration.ofSeconds(5))
                .until(() ->
                        provider.calls("authorise") > authorisesBefore && shop.authorisations(saga, "PENDING") == 1);
        // From now on Payments cannot ask the provider: only the webhook can tell it.
        provider.behave("{\"down\":true}");

        await("the settlement arrives by webhook and the order is confirmed")
                .atMost(Duration.ofSeconds(15))
                .until(() -> "CONFIRMED".equals(shop.state(order)));
        assertThat(provider.charges(saga)).isOne();
        assertThat(shop.authorisations(saga, "AUTHORISED")).isOne();
        assertThat(receipts(saga)).isOne();
        await("the receipt says what came of it")
                .atMost(Duration.ofSeconds(5))
                .until(() -> tables.count(
                                "select count(*) from payments.provider_webhook where saga_id = ?"
                                        + " and processed_at is not null and outcome = 'Settled: AUTHORISED, saga answered'"
                                        + " and key_slot = 'CURRENT'",
                                saga)
                        == 1);
        var authorised = tables.authorisedOnAccount(shop.customerId);
        var history = sagaEvents(saga);
        var duplicates = counted("duplicate");

        provider.resend(eventOf(saga));

        await("the replay is answered as a duplicate")
                .atMost(Duration.ofSeconds(10))
                .until(() -> counted("duplicate") == duplicates + 1);
        assertThat(receipts(saga)).as("stored once").isOne();
        assertThat(sagaEvents(saga)).as("the saga heard nothing more").isEqualTo(history);
        assertThat(tables.authorisedOnAccount(shop.customerId)).isEqualTo(authorised);
        assertThat(provider.charges(saga)).isOne();
    }

    @Test
    void aChargebackReleasesTheAmountOnce() {
        var order = shop.place();
        var saga = shop.sagaId(order);
        await().atMost(Duration.ofSeconds(15)).until(() -> "CONFIRMED".equals(shop.state(order)));
        var before = tables.authorisedOnAccount(shop.customerId);
        assertThat(before).isGreaterThanOrEqualTo(PRICE);

        provider.chargeBack(saga);

        await("the chargeback is applied")
                .atMost(Duration.ofSeconds(10))
                .until(() -> shop.authorisations(saga, "CHARGED_BACK") == 1);
        assertThat(tables.authorisedOnAccount(shop.customerId)).isEqualTo(before - PRICE);
        var duplicates = counted("duplicate");
        provider.resend(eventOf(saga));
        await().atMost(Duration.ofSeconds(10)).until(() -> counted("duplicate") == duplicates + 1);
        assertThat(tables.authorisedOnAccount(shop.customerId))
                .as("released once")
                .isEqualTo(before - PRICE);
    }

    @Test
    void forgedStaleRotatedOutAndUnreadableNotificationsAreRefusedCountedAndStoreNothing() {
        var saga = UUID.randomUUID();
        var before = new long[] {counted("bad_signature"), counted("stale"), counted("malformed")};

        var retired = post(notification("e-retired-" + saga, saga), now(), "a-secret-rotated-out-long-ago");
        assertRefused(retired, 401, "webhook-bad-signature");
        assertThat(retired.header("WWW-Authenticate")).startsWith("HMAC-SHA256");
        var unsigned =
                api.postWithHeaders(PATH, notification("e-unsigned-" + saga, saga), "X-Provider-Timestamp", now());
        assertRefused(unsigned, 401, "webhook-bad-signature");
        var old = Long.toString(Instant.now().minusSeconds(600).getEpochSecond());
        assertRefused(post(notification("e-stale-" + saga, saga), old, current), 401, "webhook-stale");
        assertRefused(post("{not json".getBytes(StandardCharsets.UTF_8), now(), current), 400, "webhook-malformed");
        var signedBody = notification("e-body-" + saga, saga);
        var signedAt = now();
        var otherId = api.postWithHeaders(
                PATH,
                signedBody,
                "X-Provider-Event-Id",
                "e-header-" + saga,
                "X-Provider-Timestamp",
                signedAt,
                "X-Provider-Signature",
                WebhookSignatures.sign(current, signedAt, signedBody));
        assertRefused(otherId, 400, "webhook-malformed");

        assertThat(receipts(saga)).as("nothing stored for any of them").isZero();
        assertThat(counted("bad_signature")).isEqualTo(before[0] + 2);
        assertThat(counted("stale")).isEqualTo(before[1] + 1);
        assertThat(counted("malformed")).isEqualTo(before[2] + 2);
        assertThat(Prometheus.sum(base, "switchboard_payment_provider_webhooks_total", "outcome=\"stale\""))
                .as("/prometheus counts them too")
                .isGreaterThanOrEqualTo(1);
        assertThat(Prometheus.text(base))
                .contains("# HELP switchboard_payment_provider_webhooks_total Provider notifications received");
        assertThat(api.as("viewer")
                        .get("api/ops/payment-provider/webhooks")
                        .json()
                        .getJsonArray("recentRefusals"))
                .as("the operations API shows the latest refusals with their reasons")
                .anySatisfy(refusal ->
                        assertThat(refusal.asJsonObject().getString("reason")).isEqualTo("stale"));

        var body = notification("e-previous-" + saga, saga);
        var rotated = post(body, now(), previous);
        assertThat(rotated.status())
                .as("the previous secret is still valid during a rotation")
                .isEqualTo(200);
        assertThat(rotated.json().getString("outcome")).isEqualTo("ACCEPTED");
        var again = post(body, now(), current);
        assertThat(again.json().getString("outcome")).isEqualTo("DUPLICATE");
        assertThat(receipts(saga)).isOne();
        assertThat(tables.count(
                        "select count(*) from payments.provider_webhook where saga_id = ? and key_slot = 'PREVIOUS'",
                        saga))
                .isOne();
    }

    private Api.Reply post(byte[] body, String timestamp, String secret) {
        return api.postWithHeaders(
                PATH,
                body,
                "X-Provider-Timestamp",
                timestamp,
                "X-Provider-Signature",
                WebhookSignatures.sign(secret, timestamp, body));
    }

    private static byte[] notification(String eventId, UUID saga) {
        return ("{\"eventId\":\"" + eventId + "\",\"type\":\"payment.settled\",\"occurredAt\":\"" + Instant.now()
                        + "\",\"payment\":{\"reference\":\"" + saga
                        + "\",\"amount\":300,\"currency\":\"EUR\",\"status\":\"AUTHORISED\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    private static void assertRefused(Api.Reply reply, int status, String slug) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getString("type")).endsWith("/" + slug);
    }

    private long counted(String outcome) {
        return api.as("viewer")
                .get("api/ops/payment-provider/webhooks")
                .json()
                .getJsonObject("counts")
                .getJsonNumber(outcome)
                .longValue();
    }

    private long receipts(UUID sagaId) {
        return tables.count("select count(*) from payments.provider_webhook where saga_id = ?", sagaId);
    }

    private long sagaEvents(UUID sagaId) {
        return tables.count("select count(*) from ordering.saga_step where saga_id = ?", sagaId);
    }

    private String eventOf(UUID sagaId) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(
                        "select event_id from payments.provider_webhook where saga_id = ? order by received_at desc")) {
            s.setObject(1, sagaId);
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).as("a receipt for saga %s", sagaId).isTrue();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
