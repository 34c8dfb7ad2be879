package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.contracts.inventory.StockReserved;
import org.switchboard.contracts.shipping.ShipmentArranged;
import org.switchboard.inventory.control.StockReservations;
import org.switchboard.ordering.control.OrderSagas;
import org.switchboard.shipping.control.ShipmentArrangements;

/**
 * The order saga end to end on the real broker and database: an order placed over REST is
 * confirmed with its stock taken and its payment authorised once; each step's failure compensates
 * exactly what the earlier steps did; a participant that never answers times the saga out (the
 * server's step timeout is 4 s, two attempts) and its late reply changes nothing; duplicate and
 * concurrent replies change the saga once; a payment authorisation not taken up within its
 * time-to-live (3 s on the test server) expires and cancels the order with the reason; express
 * orders overtake a backlog of standard ones.
 */
class OrderSagaIT extends InContainerTest {

    static final int STOCK = 10;
    static final long PRICE = 250;

    @Resource(lookup = "java:/jms/queue/ordering.replies")
    Queue replies;

    static final String PAYMENTS = "jms.queue.payments.commands";
    static final String INVENTORY = "jms.queue.inventory.commands";

    String sku;
    UUID customerId;

    @BeforeEach
    void aCustomerAndAProduct() throws Exception {
        var registered = api.register(Api.uniqueEmail("orders"), "Grace", "Hopper", false, UUID.randomUUID());
        assertThat(registered.status()).isEqualTo(201);
        customerId = UUID.fromString(registered.json().getString("id"));
        await("Ordering learns the customer from CustomerRegistered")
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        tables.count("select count(*) from ordering.customer where customer_id = ?", customerId) == 1);
        sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        tables.update("insert into ordering.product (sku, unit_price, currency) values (?, " + PRICE + ", 'EUR')", sku);
        tables.update("insert into inventory.stock (sku, available) values (?, " + STOCK + ")", sku);
    }

    @Test
    void anOrderIsConfirmedWithItsStockTakenAndItsPaymentAuthorisedOnce() throws Exception {
        var flow = UUID.randomUUID();

        var placed = place(2, false, flow, "key-" + flow);

        assertThat(placed.status()).isEqualTo(202);
        assertThat(placed.location()).endsWith("/api/orders/" + placed.json().getString("orderId"));
        assertThat(place(2, false, flow, "key-" + flow).json().getString("orderId"))
                .as("the same Idempotency-Key places nothing more")
                .isEqualTo(placed.json().getString("orderId"));
        var order = awaitState(placed.location(), "CONFIRMED");
        var sagaId = UUID.fromString(order.getJsonObject("saga").getString("sagaId"));

        assertThat(tables.available(sku)).isEqualTo(STOCK - 2);
        assertThat(authorisations(sagaId, "AUTHORISED")).isOne();
        assertThat(tables.authorisedOnAccount(customerId)).isEqualTo(2 * PRICE);
        assertThat(tables.count(
                        "select count(*) from shipping.shipment where saga_id = ? and state = 'ARRANGED'", sagaId))
                .isOne();
        assertThat(tables.count("select count(*) from ordering.purchase_order where correlation_id = ?", flow))
                .isOne();
    }

    @Test
    void stockThatIsShortCancelsWithNothingToUndo() throws Exception {
        var placed = place(STOCK + 1, false, UUID.randomUUID(), null);

        var order = awaitState(placed.location(), "CANCELLED");

        assertThat(order.getJsonObject("saga").getString("reason")).contains("Stock unavailable");
        assertThat(tables.available(sku)).isEqualTo(STOCK);
        assertThat(tables.authorisedOnAccount(customerId)).isZero();
    }

    @Test
    void aDeclinedPaymentReleasesTheStock() throws Exception {
        tables.update(
                "insert into payments.account (customer_id, credit_limit, authorised, currency) values (?, 100, 0, 'EUR')",
                customerId);

        var order = awaitState(place(2, false, UUID.randomUUID(), null).location(), "CANCELLED");
        var sagaId = UUID.fromString(order.getJsonObject("saga").getString("sagaId"));

        assertThat(order.getJsonObject("saga").getString("reason")).contains("Payment declined");
        await().atMost(Duration.ofSeconds(15)).until(() -> tables.available(sku) == STOCK);
        assertThat(authorisations(sagaId, "DECLINED")).isOne();
        assertThat(tables.authorisedOnAccount(customerId)).isZero();
    }

    @Test
    void aFailedShipmentVoidsThePaymentAndReleasesTheStock() throws Exception {
        tables.update(
                "insert into shipping.undeliverable_customer (customer_id, reason) values (?, 'an island')",
                customerId);

        var order = awaitState(place(3, true, UUID.randomUUID(), null).location(), "CANCELLED");
        var sagaId = UUID.fromString(order.getJsonObject("saga").getString("sagaId"));

        assertThat(order.getJsonObject("saga").getString("reason")).contains("Shipment failed");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> tables.available(sku) == STOCK && authorisations(sagaId, "VOIDED") == 1);
        assertThat(tables.authorisedOnAccount(customerId)).isZero();
    }

    @Test
    void aParticipantThatNeverAnswersTimesTheSagaOutAndItsLateReplyChangesNothing() throws Exception {
        var flow = UUID.randomUUID();
        var fault = FaultInjection.arm(ShipmentArrangements.FAULT_ARRANGE, flow, Integer.MAX_VALUE);
        try {
            var placed = place(1, false, flow, null);
            var order = awaitState(placed.location(), "CANCELLED", Duration.ofSeconds(40));
            var sagaId = UUID.fromString(order.getJsonObject("saga").getString("sagaId"));

            assertThat(order.getJsonObject("saga").getString("reason")).contains("No answer to ARRANGING_SHIPMENT");
            assertThat(order.getJsonObject("saga").getInt("attempt")).isEqualTo(2);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> tables.available(sku) == STOCK && authorisations(sagaId, "VOIDED") == 1);

            var late = new ShipmentArranged(
                    UUID.randomUUID(), Instant.now(), flow, UUID.randomUUID(), sagaId, UUID.randomUUID());
            FaultInjection.deliver(connectionFactory, replies, late);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> tables.count(
                                    "select count(*) from ordering.processed_message where message_id = ?",
                                    late.messageId())
                            == 1);

            var after = api.get(placed.location()).json();
            assertThat(after.getString("state")).isEqualTo("CANCELLED");
            assertThat(after.getJsonObject("saga").getString("state")).isEqualTo("CANCELLED");
            assertThat(tables.authorisedOnAccount(customerId)).isZero();
        } finally {
            FaultInjection.disarm(fault);
        }
    }

    @Test
    void duplicateAndConcurrentRepliesMoveTheSagaOnce() throws Exception {
        var flow = UUID.randomUUID();
        // Inventory's own answer comes late (three failed attempts first), so the saga waits for stock.
        var fault = FaultInjection.arm(StockReservations.FAULT_RESERVE, flow, 3);
        try {
            var placed = place(2, false, flow, null);
            var sagaId = UUID.fromString(
                    api.get(placed.location()).json().getJsonObject("saga").getString("sagaId"));
            var first = new StockReserved(UUID.randomUUID(), Instant.now(), flow, UUID.randomUUID(), sagaId);
            var second = new StockReserved(UUID.randomUUID(), Instant.now(), flow, UUID.randomUUID(), sagaId);

            FaultInjection.deliverTwice(connectionFactory, replies, first);
            FaultInjection.deliver(connectionFactory, replies, second);

            awaitState(placed.location(), "CONFIRMED", Duration.ofSeconds(40));
            assertThat(tables.count(
                            "select count(*) from ordering.saga_step where saga_id = ? and note like '%: Stock reserved'",
                            sagaId))
                    .as("one transition out of RESERVING_STOCK")
                    .isOne();
            assertThat(authorisations(sagaId, "AUTHORISED")).isOne();
            assertThat(tables.authorisedOnAccount(customerId)).isEqualTo(2 * PRICE);
            await().atMost(Duration.ofSeconds(15)).until(() -> tables.available(sku) == STOCK - 2);
        } finally {
            FaultInjection.disarm(fault);
        }
    }

    @Test
    void aStepThatFailsAfterWritingItsCommandsIsRolledBackWholeAndTheSagaResumes() throws Exception {
        var flow = UUID.randomUUID();
        // The orchestrating step crashes after it moved the saga and put its next commands in the
        // outbox, before its commit: twice, for the first replies of this flow. All of it rolls
        // back (claim, state, history, commands) and the broker redelivers the reply.
        var fault = FaultInjection.arm(OrderSagas.FAULT_AFTER_STEP, flow, 2);
        try {
            var placed = place(2, false, flow, "key-" + flow);

            var order = awaitState(placed.location(), "CONFIRMED", Duration.ofSeconds(40));
            var sagaId = UUID.fromString(order.getJsonObject("saga").getString("sagaId"));

            assertThat(fault.passes())
                    .as("the step failed twice after writing its commands, then passed on each reply")
                    .hasSizeGreaterThanOrEqualTo(5);
            for (var transition : java.util.List.of("Stock reserved", "Payment authorised", "Shipment arranged")) {
                assertThat(tables.count(
                                "select count(*) from ordering.saga_step where saga_id = ? and note like '%: "
                                        + transition + "%'",
                                sagaId))
                        .as("one transition '%s' in the saga's history", transition)
                        .isOne();
            }
            assertThat(authorisations(sagaId, "AUTHORISED")).isOne();
            assertThat(tables.authorisedOnAccount(customerId)).isEqualTo(2 * PRICE);
            assertThat(tables.count("select count(*) from shipping.shipment where saga_id = ?", sagaId))
                    .isOne();
            await().atMost(Duration.ofSeconds(15)).until(() -> tables.available(sku) == STOCK - 2);
        } finally {
            FaultInjection.disarm(fault);
        }
    }

    @Test
    void aPaymentAuthorisationNotTakenUpInTimeExpiresAndCancelsTheOrderWithTheReason() throws Exception {
        var flow = UUID.randomUUID();
        Broker.pause(PAYMENTS);
        jakarta.json.JsonObject order;
        try {
            var placed = place(3, false, flow, "key-" + flow);
            assertThat(placed.status()).isEqualTo(202);

            order = awaitState(placed.location(), "CANCELLED", Duration.ofSeconds(30));
        } finally {
            Broker.resume(PAYMENTS);
        }
        var saga = order.getJsonObject("saga");
        assertThat(saga.getString("reason")).as("the saga says why it ended").startsWith("Expired: AUTHORISE_PAYMENT");
        assertThat(saga.getJsonArray("steps").toString()).contains("payments.AuthorisePayment");
        var sagaId = UUID.fromString(saga.getString("sagaId"));
        await("the reserved stock is released")
                .atMost(Duration.ofSeconds(20))
                .until(() -> tables.available(sku) == STOCK);
        await("the refund reaches payments once it takes messages again, and nothing is charged")
                .atMost(Duration.ofSeconds(20))
                .until(() -> Broker.messageCount(PAYMENTS) == 0);
        assertThat(authorisations(sagaId, "AUTHORISED")).isZero();
        assertThat(tables.authorisedOnAccount(customerId)).isZero();
        assertThat(Broker.messageCount("jms.queue.DLQ.ordering.expired")).isZero();
    }

    @Test
    void expressOrdersOvertakeABacklogOfStandardOnes() throws Exception {
        tables.update("update inventory.stock set available = 100 where sku = ?", sku);
        var standard = new java.util.ArrayList<UUID>();
        var express = new java.util.ArrayList<UUID>();
        Broker.pause(INVENTORY);
        try {
            for (int i = 0; i < 20; i++) {
                standard.add(orderId(place(1, false, UUID.randomUUID(), "standard-" + UUID.randomUUID())));
            }
            for (int i = 0; i < 2; i++) {
                express.add(orderId(place(1, true, UUID.randomUUID(), "express-" + UUID.randomUUID())));
            }
            await("the backlog waits in inventory.commands")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> Broker.messageCount(INVENTORY) >= 22);
        } finally {
            Broker.resume(INVENTORY);
        }
        // Completion is measured where the backlog was: when inventory took each order's stock
        // (one reservation per saga, written when its first ReserveStock is processed). Later steps
        // had no backlog, and the 4 s step timeout of the test server may cancel an order that
        // waited longer than two attempts; its reservation still says when it was served.
        var ids = String.join(
                ",",
                java.util.Arrays.stream(all(standard, express))
                        .map(UUID::toString)
                        .toList());
        var served = "select s.order_id from ordering.saga s join inventory.reservation r on r.saga_id = s.id"
                + " where s.order_id::text = any(string_to_array(?, ','))";
        await("inventory serves every order")
                .atMost(Duration.ofSeconds(60))
                .until(() -> tables.count("select count(*) from (" + served + ") x", ids) == 22);

        var servedInOrder = new java.util.ArrayList<UUID>();
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(served + " order by r.created_at")) {
            statement.setString(1, ids);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    servedInOrder.add(rows.getObject(1, UUID.class));
                }
            }
        }
        var ranks = express.stream().map(servedInOrder::indexOf).toList();
        System.out.println("Order in which inventory served the 2 express orders among 22 (0 = first): " + ranks);
        // Sent last, without priority they would finish last (ranks 20 and 21); at priority 7 they
        // leave the paused queue first, so each finishes ahead of most of the standard orders.
        assertThat(ranks).allSatisfy(rank -> assertThat(rank).isLessThan(10));
    }

    private static UUID orderId(Api.Reply placed) {
        assertThat(placed.status()).isEqualTo(202);
        return UUID.fromString(placed.json().getString("orderId"));
    }

    private static UUID[] all(java.util.List<UUID> some, java.util.List<UUID> others) {
        return java.util.stream.Stream.concat(some.stream(), others.stream()).toArray(UUID[]::new);
    }

    private Api.Reply place(int quantity, boolean express, UUID flow, String idempotencyKey) {
        var body = "{\"customerId\":\"" + customerId + "\",\"express\":" + express + ",\"lines\":[{\"sku\":\"" + sku
                + "\",\"quantity\":" + quantity + "}]}";
        return api.post("api/orders", body, flow, idempotencyKey);
    }

    private jakarta.json.JsonObject awaitState(String location, String state) {
        return awaitState(location, state, Duration.ofSeconds(20));
    }

    private jakarta.json.JsonObject awaitState(String location, String state, Duration atMost) {
        await().atMost(atMost).until(() -> state.equals(api.get(location).json().getString("state")));
        return api.get(location).json();
    }

    private long authorisations(UUID sagaId, String state) {
        return tables.count(
                "select count(*) from payments.authorisation where saga_id = ? and state = '" + state + "'", sagaId);
    }
}
