package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.ordering.control.OrderSagas;
import org.switchboard.shipping.control.ShipmentArrangements;

/**
 * A stuck order saga, seen and re-driven by operations with four eyes, on the real broker and
 * database. Stuck: Shipping never answers its ArrangeShipment (dead-lettered) and the step's
 * timeout fails too (dead-lettered), so the saga waits past its deadline. It shows on
 * GET /api/ops/sagas and on ops/sagas.xhtml as overdue; an operator requests a re-drive, is refused
 * as its approver, another user approves, and the saga completes (resend) or compensates (forced)
 * exactly once; the audit trail says who did what, and a re-drive of a saga that ended changes
 * nothing and says so in the saga's history.
 */
class SagaRedriveIT extends InContainerTest {

    static final int STOCK = 10;

    @Resource(lookup = "java:/jms/queue/DLQ.shipping.commands")
    Queue shippingDeadLetters;

    @Resource(lookup = "java:/jms/queue/DLQ.ordering.replies")
    Queue replyDeadLetters;

    String sku;
    UUID customerId;

    @BeforeEach
    void aCustomerAndAProduct() {
        var registered = api.register(Api.uniqueEmail("sagas"), "Ada", "Lovelace", false, UUID.randomUUID());
        assertThat(registered.status()).isEqualTo(201);
        customerId = UUID.fromString(registered.json().getString("id"));
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        tables.count("select count(*) from ordering.customer where customer_id = ?", customerId) == 1);
        sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        tables.update("insert into ordering.product (sku, unit_price, currency) values (?, 100, 'EUR')", sku);
        tables.update("insert into inventory.stock (sku, available) values (?, " + STOCK + ")", sku);
    }

    @Test
    void aResendApprovedByAnotherUserCompletesTheStuckSagaOnce() {
        var flow = UUID.randomUUID();
        var sagaId = stuckInShipping(flow);

        var listed = api.as("viewer").get("api/ops/sagas?state=ARRANGING_SHIPMENT&limit=100");
        assertThat(listed.status()).isEqualTo(200);
        var summary = listed.array().getValuesAs(JsonObject.class).stream()
                .filter(s -> sagaId.toString().equals(s.getString("sagaId")))
                .findFirst()
                .orElseThrow();
        assertThat(summary.getString("correlationId")).isEqualTo(flow.toString());
        assertThat(summary.getJsonObject("timing").getBoolean("overdue")).isTrue();
        assertThat(api.as("viewer")
                        .get("api/ops/sagas/states")
                        .json()
                        .getJsonNumber("ARRANGING_SHIPMENT")
                        .longValue())
                .isPositive();
        assertThat(api.as("viewer").get("api/ops/sagas?state=LOST").status()).isEqualTo(400);
        var page = Jsoup.parse(new FacesBrowser(uri()).get("ops/sagas.xhtml?state=ARRANGING_SHIPMENT", "viewer"));
        assertThat(page.select("#sagas tr:has(a[href$=" + sagaId + "]) .overdue"))
                .isNotEmpty();
        assertThat(page.select("#diagram svg g.state[data-state=CANCELLED]")).hasSize(1);

        var requested = api.as("lead")
                .post("api/ops/sagas/" + sagaId + "/redrives", redrive("RESEND_PENDING", "Shipping is back"), null);
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        var requestId = requested.json().getString("id");
        assertThat(requested.json().getString("status")).isEqualTo("PENDING");
        var own = api.as("lead").post("api/ops/redrives/" + requestId + "/approve", reason("fine"), null);
        assertThat(own.status()).as("nobody approves their own request").isEqualTo(403);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(api.as("viewer")
                        .post("api/ops/sagas/" + sagaId + "/redrives", redrive("RESEND_PENDING", "x"), null)
                        .status())
                .as("a viewer cannot request")
                .isEqualTo(403);
        assertThat(saga(sagaId).getString("state")).isEqualTo("ARRANGING_SHIPMENT");

        var approved = api.as("approver").post("api/ops/redrives/" + requestId + "/approve", reason("checked"), null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().getString("status")).isEqualTo("SENT");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "CONFIRMED".equals(saga(sagaId).getString("state")));
        assertThat(tables.count(
                        "select count(*) from shipping.shipment where saga_id = ? and state = 'ARRANGED'", sagaId))
                .isOne();
        assertThat(tables.available(sku)).isEqualTo(STOCK - 1);
        assertThat(history(sagaId)).anyMatch(line -> line.contains("Operator re-drive") && line.contains(requestId));
        assertThat(trail(requestId))
                .containsExactly(
                        "REQUESTED_RESEND_PENDING by lead",
                        "SELF_DECISION_REFUSED by lead",
                        "APPROVED by approver",
                        "REDRIVE_SENT by approver");

        // The saga ended: a second re-drive changes nothing, and the history says so.
        var late = api.as("operator")
                .post("api/ops/sagas/" + sagaId + "/redrives", redrive("FORCE_COMPENSATION", "too late"), null)
                .json()
                .getString("id");
        api.as("approver").post("api/ops/redrives/" + late + "/approve", reason("try"), null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> history(sagaId).stream().anyMatch(line -> line.contains(late)));
        assertThat(history(sagaId)).anyMatch(line -> line.contains(late) && line.contains("changes nothing"));
        assertThat(saga(sagaId).getString("state")).isEqualTo("CONFIRMED");
        var detail = Jsoup.parse(new FacesBrowser(uri()).get("ops/sagas.xhtml?id=" + sagaId, "viewer"));
        assertThat(detail.select("#history li").text()).contains("Operator re-drive");
        assertThat(detail.select("a#journey").attr("href")).endsWith("correlationId=" + flow);
    }

    @Test
    void aForcedCompensationApprovedByAnotherUserUndoesTheStuckSagaOnce() {
        var flow = UUID.randomUUID();
        var sagaId = stuckInShipping(flow);

        var requestId = api.as("operator")
                .post("api/ops/sagas/" + sagaId + "/redrives", redrive("FORCE_COMPENSATION", "Customer gave up"), null)
                .json()
                .getString("id");
        assertThat(api.as("approver")
                        .post("api/ops/redrives/" + requestId + "/approve", reason("agreed"), null)
                        .status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "CANCELLED".equals(saga(sagaId).getString("state")));
        assertThat(saga(sagaId).getString("reason")).startsWith("Operator: ").contains("operator");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> tables.available(sku) == STOCK
                        && tables.count(
                                        "select count(*) from payments.authorisation where saga_id = ? and state = 'VOIDED'",
                                        sagaId)
                                == 1);
        assertThat(tables.authorisedOnAccount(customerId)).isZero();
        assertThat(trail(requestId))
                .containsExactly(
                        "REQUESTED_FORCE_COMPENSATION by operator", "APPROVED by approver", "REDRIVE_SENT by approver");
    }

    /** An order whose saga waits in ARRANGING_SHIPMENT past its deadline, its command and timeout dead-lettered. */
    private UUID stuckInShipping(UUID flow) {
        var silentShipping = FaultInjection.arm(ShipmentArrangements.FAULT_ARRANGE, flow, Integer.MAX_VALUE);
        FaultInjection.Fault failingTimeout = null;
        try {
            var body = "{\"customerId\":\"" + customerId + "\",\"express\":false,\"lines\":[{\"sku\":\"" + sku
                    + "\",\"quantity\":1}]}";
            var placed = api.post("api/orders", body, flow, null);
            assertThat(placed.status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> "ARRANGING_SHIPMENT"
                            .equals(api.get(placed.location())
                                    .json()
                                    .getJsonObject("saga")
                                    .getString("state")));
            failingTimeout = FaultInjection.arm(OrderSagas.FAULT_AFTER_STEP, flow, Integer.MAX_VALUE);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> firstOf(shippingDeadLetters, flow) != null && firstOf(replyDeadLetters, flow) != null);
            var sagaId = UUID.fromString(
                    api.get(placed.location()).json().getJsonObject("saga").getString("sagaId"));
            assertThat(saga(sagaId).getString("state")).isEqualTo("ARRANGING_SHIPMENT");
            return sagaId;
        } finally {
            FaultInjection.disarm(silentShipping);
            if (failingTimeout != null) {
                FaultInjection.disarm(failingTimeout);
            }
            drain(shippingDeadLetters, flow);
            drain(replyDeadLetters, flow);
        }
    }

    private JsonObject saga(UUID sagaId) {
        return api.as("viewer")
                .get("api/ops/sagas/" + sagaId)
                .json()
                .getJsonObject("detail")
                .getJsonObject("saga");
    }

    private java.util.List<String> history(UUID sagaId) {
        return api
                .as("viewer")
                .get("api/ops/sagas/" + sagaId)
                .json()
                .getJsonObject("detail")
                .getJsonArray("history")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(line -> line.getString("note"))
                .toList();
    }

    private java.util.List<String> trail(String requestId) {
        return api.as("viewer").get("api/ops/audit").array().getValuesAs(JsonObject.class).stream()
                .filter(a -> requestId.equals(a.getString("requestId", null)))
                .sorted(java.util.Comparator.comparingLong(
                        a -> a.getJsonNumber("id").longValue()))
                .map(a -> a.getString("action") + " by " + a.getString("actor"))
                .toList();
    }

    private java.net.URI uri() {
        return java.net.URI.create(base.toString());
    }

    private static String redrive(String action, String reason) {
        return Json.createObjectBuilder()
                .add("action", action)
                .add("reason", reason)
                .build()
                .toString();
    }

    private static String reason(String why) {
        return Json.createObjectBuilder().add("reason", why).build().toString();
    }
}
