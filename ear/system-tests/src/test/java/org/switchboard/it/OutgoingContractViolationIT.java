package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.messaging.Headers;
import org.switchboard.messaging.outbox.TransactionalOutbox;

/**
 * A consumer whose answer would break its contract: every outbox context handles a message in its
 * own local transaction and writes what it sends to its outbox, which checks each message against
 * its schema (here made to refuse it, {@link TransactionalOutbox#faultOnAdd}). The handling is
 * rolled back whole (no stock taken, no shipment, the saga not moved) and the message goes to its
 * dead-letter queue at its first delivery with the reason, instead of being retried until the
 * broker gives up and dead-letters it without one.
 */
class OutgoingContractViolationIT extends InContainerTest {

    @Resource(lookup = "java:/jms/queue/DLQ.inventory.commands")
    Queue inventoryDeadLetters;

    @Resource(lookup = "java:/jms/queue/DLQ.payments.commands")
    Queue paymentsDeadLetters;

    @Resource(lookup = "java:/jms/queue/DLQ.shipping.commands")
    Queue shippingDeadLetters;

    @Resource(lookup = "java:/jms/queue/DLQ.ordering.replies")
    Queue orderingDeadLetters;

    Shop shop;

    @BeforeEach
    void aCustomerAndAProduct() {
        shop = Shop.open(api, tables, "contract", 250, 10);
    }

    @Test
    void inventoryRollsBackTheReservationAndDeadLettersReserveStock() throws Exception {
        var flow = UUID.randomUUID();
        refusedAt("inventory", flow, 0, inventoryDeadLetters, "jms.queue.inventory.commands", deadLetter -> {
            assertThat(deadLetter.getJMSType()).isEqualTo("inventory.ReserveStock");
            assertThat(deadLetter.getStringProperty(Headers.DEAD_LETTER_CONSUMER))
                    .contains("InventoryCommandsListener");
            assertThat(tables.available(shop.sku)).as("no stock taken").isEqualTo(10);
            assertThat(tables.count("select count(*) from inventory.reservation r" + OF_FLOW, flow))
                    .isZero();
        });
    }

    @Test
    void paymentsRollsBackItsAnswerAndDeadLettersAuthorisePayment() throws Exception {
        var flow = UUID.randomUUID();
        refusedAt("payments", flow, 0, paymentsDeadLetters, "jms.queue.payments.commands", deadLetter -> {
            assertThat(deadLetter.getJMSType()).isEqualTo("payments.AuthorisePayment");
            assertThat(deadLetter.getStringProperty(Headers.DEAD_LETTER_CONSUMER))
                    .contains("PaymentsCommandsListener");
            assertThat(tables.count(
                            "select count(*) from payments.processed_message where message_id = ?",
                            UUID.fromString(deadLetter.getStringProperty(Headers.MESSAGE_ID))))
                    .as("the answer's claim rolled back with it")
                    .isZero();
            assertThat(steps(flow, "Payment authorised"))
                    .as("no answer reached the saga")
                    .isZero();
        });
    }

    @Test
    void shippingRollsBackTheShipmentAndDeadLettersArrangeShipment() throws Exception {
        var flow = UUID.randomUUID();
        refusedAt("shipping", flow, 0, shippingDeadLetters, "jms.queue.shipping.commands", deadLetter -> {
            assertThat(deadLetter.getJMSType()).isEqualTo("shipping.ArrangeShipment");
            assertThat(deadLetter.getStringProperty(Headers.DEAD_LETTER_CONSUMER))
                    .contains("ShippingCommandsListener");
            assertThat(tables.count("select count(*) from shipping.shipment r" + OF_FLOW, flow))
                    .as("no shipment")
                    .isZero();
        });
    }

    @Test
    void orderingRollsBackTheSagaStepAndDeadLettersTheReply() throws Exception {
        var flow = UUID.randomUUID();
        // Placing the order writes ReserveStock and the step's timeout: those two pass.
        refusedAt("ordering", flow, 2, orderingDeadLetters, "jms.queue.ordering.replies", deadLetter -> {
            assertThat(deadLetter.getJMSType()).isEqualTo("inventory.StockReserved");
            assertThat(deadLetter.getStringProperty(Headers.DEAD_LETTER_CONSUMER))
                    .contains("SagaRepliesListener");
            assertThat(steps(flow, "Stock reserved"))
                    .as("the saga did not move on")
                    .isZero();
        });
    }

    /** Joins a participant's table (alias r, with a saga_id) to the order of the flow. */
    private static final String OF_FLOW = " join ordering.saga s on s.id = r.saga_id"
            + " join ordering.purchase_order o on o.id = s.order_id where o.correlation_id = ?";

    private long steps(UUID flow, String transition) {
        return tables.count(
                "select count(*) from ordering.saga_step r" + OF_FLOW + " and r.note like '%: " + transition + "'",
                flow);
    }

    @FunctionalInterface
    interface Checks {
        void on(Message deadLetter) throws Exception;
    }

    /**
     * Places an order of this flow with {@code schema}'s outbox refusing every message after the
     * first {@code skipped}, checks the dead letter the refusal made for what every such dead letter
     * carries, then runs the context's own checks while the refusal is still armed (the saga's step
     * timeout would otherwise ask again, and be answered).
     */
    private void refusedAt(String schema, UUID flow, int skipped, Queue deadLetters, String queue, Checks checks)
            throws Exception {
        var killedBefore = Broker.messagesKilled(queue);
        var fault = FaultInjection.armContractViolation(TransactionalOutbox.faultOnAdd(schema), flow, skipped);
        try {
            shop.place(flow);
            var deadLetter =
                    await().atMost(Duration.ofSeconds(30)).until(() -> firstOf(deadLetters, flow), m -> m != null);
            assertThat(deadLetter.getStringProperty(Headers.DEAD_LETTER_REASON))
                    .isEqualTo("OUTGOING_CONTRACT_VIOLATION");
            assertThat(deadLetter.getStringProperty(Headers.DEAD_LETTER_DETAIL))
                    .contains("injected at " + schema + ".outbox.add");
            assertThat(deadLetter.getIntProperty(Headers.DEAD_LETTER_DELIVERY_COUNT))
                    .as("dead-lettered at its first delivery, not retried")
                    .isEqualTo(1);
            assertThat(deadLetter.getStringProperty(Headers.ORIGINAL_ADDRESS)).isEqualTo(queue);
            assertThat(Broker.messagesKilled(queue))
                    .as("not dead-lettered by the broker after its attempts")
                    .isEqualTo(killedBefore);
            checks.on(deadLetter);
        } finally {
            FaultInjection.disarm(fault);
            drain(deadLetters, flow);
        }
    }
}
