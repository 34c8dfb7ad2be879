package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Topic;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.contracts.inventory.StockRestocked;
import org.switchboard.contracts.ordering.ReturnRequested;
import org.switchboard.contracts.ordering.ReturnedLine;
import org.switchboard.contracts.payments.ReturnRefundFailed;
import org.switchboard.contracts.payments.ReturnRefunded;

/**
 * The choreographed return on the real broker and database: no orchestrator, only events. A
 * confirmed order's return puts its stock back, refunds its amount and ends RETURNED; a refund that
 * Payments refuses is compensated through events (Inventory takes the stock back out, the order ends
 * RETURN_REJECTED, nothing is refunded). Each event delivered again, under its own id or a new one,
 * changes nothing.
 */
class OrderReturnIT extends InContainerTest {

    static final int STOCK = 10;
    static final long PRICE = 250;

    @Resource(lookup = "java:/jms/topic/ordering.events")
    Topic orderingEvents;

    @Resource(lookup = "java:/jms/topic/inventory.events")
    Topic inventoryEvents;

    @Resource(lookup = "java:/jms/topic/payments.events")
    Topic paymentsEvents;

    String sku;
    UUID customerId;

    @BeforeEach
    void aCustomerAndAProduct() throws Exception {
        var registered = api.register(Api.uniqueEmail("returns"), "Ada", "Lovelace", false, UUID.randomUUID());
        assertThat(registered.status()).isEqualTo(201);
        customerId = UUID.fromString(registered.json().getString("id"));
        await("Ordering learns the customer from CustomerRegistered")
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        tables.count("select count(*) from ordering.customer where customer_id = ?", customerId) == 1);
        sku = "RET-" + UUID.randomUUID().toString().substring(0, 8);
        tables.update("insert into ordering.product (sku, unit_price, currency) values (?, " + PRICE + ", 'EUR')", sku);
        tables.update("insert into inventory.stock (sku, available) values (?, " + STOCK + ")", sku);
    }

    @Test
    void aReturnedOrderHasItsStockBackAndItsAmountRefundedOnce() {
        var order = confirmedOrder(2);
        var orderId = UUID.fromString(order.substring(order.lastIndexOf('/') + 1));
        var flow = UUID.randomUUID();

        var requested = api.post(order + "/return", "", flow);

        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.location()).endsWith("/api/orders/" + orderId);
        assertThat(requested.json().getString("status")).isEqualTo("RETURN_REQUESTED");
        var returnId = UUID.fromString(requested.json().getString("returnId"));
        var again = api.post(order + "/return", "", UUID.randomUUID());
        assertThat(again.status()).as("an order is returned once").isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().getString("type")).endsWith("return-already-requested");

        awaitState(order, "RETURNED");
        await().atMost(Duration.ofSeconds(15)).until(() -> tables.available(sku) == STOCK);
        assertThat(tables.authorisedOnAccount(customerId)).as("refunded").isZero();
        assertThat(authorisation(orderId, "REFUNDED")).isOne();
        assertThat(tables.count(
                        "select amount from payments.refund where return_id = ? and outcome = 'REFUNDED'", returnId))
                .isEqualTo(2 * PRICE);

        // Each event again: the request as a new message (a re-drive), the others as the same message.
        var requestedAgain = new ReturnRequested(
                UUID.randomUUID(), Instant.now(), flow, returnId, returnId, orderId, List.of(new ReturnedLine(sku, 2)));
        var restockedAgain = new StockRestocked(
                derived("inventory.StockRestocked", returnId),
                Instant.now(),
                flow,
                UUID.randomUUID(),
                returnId,
                orderId);
        var refundedAgain = new ReturnRefunded(
                derived("payments.ReturnRefunded", returnId),
                Instant.now(),
                flow,
                UUID.randomUUID(),
                returnId,
                orderId,
                2 * PRICE);
        FaultInjection.deliverTwice(connectionFactory, orderingEvents, requestedAgain);
        FaultInjection.deliverTwice(connectionFactory, inventoryEvents, restockedAgain);
        FaultInjection.deliverTwice(connectionFactory, paymentsEvents, refundedAgain);
        awaitHandled(requestedAgain.messageId(), 2);
        awaitHandled(restockedAgain.messageId(), 1 + 2);
        awaitHandled(refundedAgain.messageId(), 1 + 2);

        assertThat(tables.available(sku)).isEqualTo(STOCK);
        assertThat(tables.authorisedOnAccount(customerId)).isZero();
        assertThat(api.get(order).json().getString("state")).isEqualTo("RETURNED");
        assertThat(tables.count("select count(*) from inventory.restock where order_id = ?", orderId))
                .isOne();
        assertThat(tables.count("select count(*) from payments.refund where order_id = ?", orderId))
                .isOne();
    }

    @Test
    void aRefusedRefundIsCompensatedThroughEvents() throws Exception {
        tables.update(
                "insert into payments.refund_hold (customer_id, reason) values (?, 'chargeback under dispute')",
                customerId);
        var order = confirmedOrder(3);
        var orderId = UUID.fromString(order.substring(order.lastIndexOf('/') + 1));
        var flow = UUID.randomUUID();

        var requested = api.post(order + "/return", "", flow);
        assertThat(requested.status()).isEqualTo(202);
        var returnId = UUID.fromString(requested.json().getString("returnId"));

        awaitState(order, "RETURN_REJECTED");
        await("Inventory took the restocked goods back out")
                .atMost(Duration.ofSeconds(15))
                .until(() -> tables.count(
                                "select count(*) from inventory.restock where return_id = ? and state = 'REVERSED'",
                                returnId)
                        == 1);
        assertThat(tables.available(sku)).as("stock as before the return").isEqualTo(STOCK - 3);
        assertThat(tables.authorisedOnAccount(customerId))
                .as("nothing refunded")
                .isEqualTo(3 * PRICE);
        assertThat(authorisation(orderId, "AUTHORISED")).isOne();
        assertThat(tables.count(
                        "select count(*) from payments.refund where return_id = ? and outcome = 'REFUSED'", returnId))
                .isOne();
        assertThat(tables.count(
                        "select count(*) from ordering.purchase_order where id = ?"
                                + " and return_reason like '%on hold: chargeback under dispute'",
                        orderId))
                .isOne();

        // The failure and the restock again, as the same messages: Inventory and Ordering both hear the failure.
        var failedAgain = new ReturnRefundFailed(
                derived("payments.ReturnRefundFailed", returnId),
                Instant.now(),
                flow,
                UUID.randomUUID(),
                returnId,
                orderId,
                "again");
        var restockedAgain = new StockRestocked(
                derived("inventory.StockRestocked", returnId),
                Instant.now(),
                flow,
                UUID.randomUUID(),
                returnId,
                orderId);
        FaultInjection.deliverTwice(connectionFactory, paymentsEvents, failedAgain);
        FaultInjection.deliverTwice(connectionFactory, inventoryEvents, restockedAgain);
        awaitHandled(failedAgain.messageId(), 2 + 4);
        awaitHandled(restockedAgain.messageId(), 1 + 2);

        assertThat(tables.available(sku)).isEqualTo(STOCK - 3);
        assertThat(tables.authorisedOnAccount(customerId)).isEqualTo(3 * PRICE);
        assertThat(api.get(order).json().getString("state")).isEqualTo("RETURN_REJECTED");
    }

    @Test
    void onlyAConfirmedOrderCanBeReturned() {
        var placed = place(STOCK + 1);
        awaitState(placed, "CANCELLED");

        var refused = api.post(placed + "/return", "", UUID.randomUUID());
        var unknown = api.post("api/orders/" + UUID.randomUUID() + "/return", "", UUID.randomUUID());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().getString("type")).endsWith("order-not-returnable");
        assertThat(refused.json().getString("detail")).contains("CANCELLED");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(tables.available(sku)).isEqualTo(STOCK);
    }

    /** Places an order and waits until its saga confirmed it; its location. */
    private String confirmedOrder(int quantity) {
        var location = place(quantity);
        awaitState(location, "CONFIRMED");
        await().atMost(Duration.ofSeconds(15)).until(() -> tables.available(sku) == STOCK - quantity);
        assertThat(tables.authorisedOnAccount(customerId)).isEqualTo(quantity * PRICE);
        return location;
    }

    private String place(int quantity) {
        var body = "{\"customerId\":\"" + customerId + "\",\"express\":false,\"lines\":[{\"sku\":\"" + sku
                + "\",\"quantity\":" + quantity + "}]}";
        var placed = api.post("api/orders", body, UUID.randomUUID(), null);
        assertThat(placed.status()).isEqualTo(202);
        return placed.location();
    }

    private JsonObject awaitState(String location, String state) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> state.equals(api.get(location).json().getString("state")));
        return api.get(location).json();
    }

    /** Until the consumers' journey notes say this message was handled this many times (in all). */
    private void awaitHandled(UUID messageId, int deliveries) {
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        tables.count("select count(*) from operations.journey_step where message_id = ?", messageId)
                                >= deliveries);
    }

    /** The id a participant gives its event of this return (derived, so the same fact is the same message). */
    private static UUID derived(String type, UUID returnId) {
        return UUID.nameUUIDFromBytes((type + ":" + returnId).getBytes(StandardCharsets.UTF_8));
    }

    private long authorisation(UUID orderId, String state) {
        return tables.count(
                "select count(*) from payments.authorisation where order_id = ? and state = '" + state + "'", orderId);
    }
}
