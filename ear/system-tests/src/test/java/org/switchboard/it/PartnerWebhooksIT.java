package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.partners.control.WebhookRelay;

/**
 * Outbound partner webhooks end to end: an order confirmed by its saga on the real broker and
 * database reaches a partner's HTTP endpoint (a real socket server, {@link PartnerReceiver}) through
 * Partners' outbox and relay, signed. The test server's retry budget is small (arquillian.xml: 3
 * attempts, waits from 200 ms, 1 s timeout, 3 s lease, endpoints disabled after 5 failures in a row).
 */
class PartnerWebhooksIT extends InContainerTest {

    static final String SECRET = "whsec-it-0123456789abcdef";

    PartnerReceiver partner;
    Api operator;
    String sku;
    UUID customerId;

    @BeforeEach
    void aPartnerACustomerAndAProduct() throws Exception {
        partner = new PartnerReceiver(SECRET);
        operator = api.as("operator");
        var registered = api.register(Api.uniqueEmail("webhooks"), "Ada", "Lovelace", false, UUID.randomUUID());
        customerId = UUID.fromString(registered.json().getString("id"));
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        tables.count("select count(*) from ordering.customer where customer_id = ?", customerId) == 1);
        sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        tables.update("insert into ordering.product (sku, unit_price, currency) values (?, 300, 'EUR')", sku);
        tables.update("insert into inventory.stock (sku, available) values (?, 100)", sku);
    }

    @AfterEach
    void partnerGoesAway() {
        System.clearProperty("switchboard.alerts.webhook.url");
        partner.close();
    }

    @Test
    void aConfirmedOrderReachesThePartnerOnceSigned() {
        var endpoint = register("order.confirmed", "order.cancelled");
        var flow = UUID.randomUUID();

        var orderId = confirmedOrder(flow);

        var event = await("the partner hears of it")
                .atMost(Duration.ofSeconds(30))
                .until(() -> eventFor(orderId), java.util.Objects::nonNull);
        assertThat(event.signed())
                .as("the signature verifies with the partner's secret")
                .isTrue();
        assertThat(event.type()).isEqualTo("order.confirmed");
        var body = json(event.body());
        assertThat(body.getString("id")).isEqualTo(event.webhookId());
        assertThat(body.getString("type")).isEqualTo("order.confirmed");
        assertThat(body.getJsonObject("data").getString("correlationId")).isEqualTo(flow.toString());
        assertThat(body.getJsonObject("data").getJsonNumber("amount").longValue())
                .isEqualTo(600);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(endpoint, "DELIVERED") == 1);
        assertThat(partner.posts()).as("posted once, not again").hasSize(1);
    }

    @Test
    void aRelayThatDiesAfterThePostPostsAgainAndThePartnerActsOnce() {
        var endpoint = register("order.confirmed");
        var flow = UUID.randomUUID();
        var fault = FaultInjection.arm(WebhookRelay.FAULT_AFTER_POST, flow, 1);
        try {
            var orderId = confirmedOrder(flow);

            await("posted, the relay 'dies', its lease runs out, posted again")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> deliveries(endpoint, "DELIVERED") == 1);
            assertThat(partner.posts())
                    .as("at least once: the partner got it twice")
                    .hasSize(2);
            assertThat(partner.posts().get(0).webhookId())
                    .isEqualTo(partner.posts().get(1).webhookId());
            assertThat(partner.events())
                    .as("exactly once as the partner sees it")
                    .hasSize(1);
            assertThat(eventFor(orderId)).isNotNull();
            assertThat(fault.passes()).hasSize(2);
        } finally {
            FaultInjection.disarm(fault);
        }
    }

    @Test
    void aPartnerDownBeyondTheRetryBudgetGetsItWhenAnOperatorReplaysIt() throws Exception {
        System.setProperty("switchboard.alerts.webhook.url", base + "api/test/alert-webhook");
        AlertWebhookReceiver.DELIVERIES.clear();
        var endpoint = register("order.confirmed");
        partner.down();
        var failedBefore = prometheus("switchboard_webhook_deliveries_failed_total", "");

        var orderId = confirmedOrder(UUID.randomUUID());

        await("three attempts, then FAILED")
                .atMost(Duration.ofSeconds(30))
                .until(() -> deliveries(endpoint, "FAILED") == 1);
        await("counted, and the backlog shows it")
                .atMost(Duration.ofSeconds(15))
                .until(() -> prometheus("switchboard_webhook_deliveries_failed_total", "") > failedBefore
                        && prometheus("switchboard_webhook_deliveries", "state=\"FAILED\"") >= 1);
        var backlog = operator.get("api/ops/partners/backlog").json();
        assertThat(backlog.getJsonNumber("failed").longValue()).isPositive();
        var delivery =
                tables.count("select id from partners.delivery where endpoint_id = ? and state = 'FAILED'", endpoint);
        await("the operators' alert receiver hears of it, with the way to replay it")
                .atMost(Duration.ofSeconds(15))
                .until(() -> AlertWebhookReceiver.DELIVERIES.stream()
                        .map(AlertWebhookReceiver.Delivery::json)
                        .anyMatch(alert -> "WEBHOOK_DELIVERY_FAILED".equals(alert.getString("kind"))
                                && String.valueOf(delivery).equals(alert.getString("incidentId"))
                                && alert.getString("reason").contains("/replay")));

        partner.up();
        assertThat(api.as("viewer")
                        .post("api/ops/partners/deliveries/" + delivery + "/replay", "", null)
                        .status())
                .as("only operators replay")
                .isEqualTo(403);
        assertThat(operator.post("api/ops/partners/deliveries/" + delivery + "/replay", "", null)
                        .status())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(15)).until(() -> deliveries(endpoint, "DELIVERED") == 1);
        assertThat(partner.events()).hasSize(1);
        assertThat(eventFor(orderId)).isNotNull();
        assertThat(operator.post("api/ops/partners/deliveries/" + delivery + "/replay", "", null)
                        .status())
                .as("a delivered one is not replayed")
                .isEqualTo(409);
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledUntilAnOperatorEnablesIt() {
        System.setProperty("switchboard.alerts.webhook.url", base + "api/test/alert-webhook");
        AlertWebhookReceiver.DELIVERIES.clear();
        var endpoint = register("order.confirmed");
        partner.answer(500);

        confirmedOrder(UUID.randomUUID());
        await("the first order's three attempts fail")
                .atMost(Duration.ofSeconds(30))
                .until(() -> deliveries(endpoint, "FAILED") == 1);
        assertThat(endpoint(endpoint).getString("state")).isEqualTo("ACTIVE");
        var second = confirmedOrder(UUID.randomUUID());

        await("two more failures, five in a row, disable it")
                .atMost(Duration.ofSeconds(30))
                .until(() -> "DISABLED".equals(endpoint(endpoint).getString("state")));
        assertThat(endpoint(endpoint).getJsonObject("health").getString("disabledReason"))
                .contains("HTTP 500");
        await("the operators' alert receiver hears that it was disabled")
                .atMost(Duration.ofSeconds(15))
                .until(() -> AlertWebhookReceiver.DELIVERIES.stream()
                        .map(AlertWebhookReceiver.Delivery::json)
                        .anyMatch(alert -> "WEBHOOK_ENDPOINT_DISABLED".equals(alert.getString("kind"))
                                && endpoint.toString().equals(alert.getString("incidentId"))));
        assertThat(partner.posts()).hasSize(5);
        assertThat(deliveries(endpoint, "PENDING"))
                .as("the second order's waits for the endpoint")
                .isEqualTo(1);

        partner.answer(204);
        var enabled = operator.post("api/ops/partners/endpoints/" + endpoint + "/enable", "", null);

        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().getString("state")).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(15)).until(() -> deliveries(endpoint, "DELIVERED") == 1);
        assertThat(eventFor(second)).isNotNull();
        assertThat(endpoint(endpoint).getJsonObject("health").getInt("consecutiveFailures"))
                .isZero();
    }

    @Test
    void registeringRefusesWhatCannotWorkAsProblems() {
        var noScheme = operator.post(
                "api/ops/partners/endpoints",
                "{\"partner\":\"acme\",\"url\":\"ftp://x/y\",\"secret\":\"" + SECRET
                        + "\",\"events\":[\"order.confirmed\"]}",
                null);
        var unknownEvent = operator.post(
                "api/ops/partners/endpoints",
                "{\"partner\":\"acme\",\"url\":\"https://x/y\",\"secret\":\"" + SECRET
                        + "\",\"events\":[\"order.lost\"]}",
                null);
        var viewer = api.as("viewer")
                .post(
                        "api/ops/partners/endpoints",
                        "{\"partner\":\"acme\",\"url\":\"https://x/y\",\"secret\":\"" + SECRET
                                + "\",\"events\":[\"order.confirmed\"]}",
                        null);

        assertThat(noScheme.status()).isEqualTo(422);
        assertThat(noScheme.contentType()).startsWith("application/problem+json");
        assertThat(unknownEvent.status()).isEqualTo(422);
        assertThat(unknownEvent.json().getString("detail")).contains("order.lost");
        assertThat(viewer.status()).isEqualTo(403);
    }

    private UUID register(String... events) {
        var list = String.join("\",\"", events);
        var created = operator.post(
                "api/ops/partners/endpoints",
                "{\"partner\":\"acme\",\"url\":\"" + partner.url() + "\",\"secret\":\"" + SECRET + "\",\"events\":[\""
                        + list + "\"]}",
                null);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(SECRET);
        return UUID.fromString(created.json().getString("id"));
    }

    private UUID confirmedOrder(UUID flow) {
        var placed = api.post(
                "api/orders",
                "{\"customerId\":\"" + customerId + "\",\"express\":false,\"lines\":[{\"sku\":\"" + sku
                        + "\",\"quantity\":2}]}",
                flow,
                null);
        assertThat(placed.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        "CONFIRMED".equals(api.get(placed.location()).json().getString("state")));
        return UUID.fromString(placed.json().getString("orderId"));
    }

    private PartnerReceiver.Post eventFor(UUID orderId) {
        return partner.events().stream()
                .filter(post -> json(post.body())
                        .getJsonObject("data")
                        .getString("orderId")
                        .equals(orderId.toString()))
                .findFirst()
                .orElse(null);
    }

    private long deliveries(UUID endpoint, String state) {
        return tables.count(
                "select count(*) from partners.delivery where endpoint_id = ? and state = '" + state + "'", endpoint);
    }

    private JsonObject endpoint(UUID id) {
        return operator.get("api/ops/partners/endpoints/" + id).json();
    }

    /** The sum of a series' samples whose labels contain {@code label}, from the management interface's Prometheus text. */
    private double prometheus(String name, String label) {
        return Prometheus.sum(base, name, label);
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
