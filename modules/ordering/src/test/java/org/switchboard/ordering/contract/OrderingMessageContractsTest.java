package org.switchboard.ordering.contract;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.switchboard.messaging.JsonMessages;
import org.switchboard.messaging.contract.MessageProviderContract;
import org.switchboard.ordering.control.SentMessages;
import org.switchboard.ordering.entity.Attachment;
import org.switchboard.ordering.entity.OrderLine;
import org.switchboard.ordering.entity.PurchaseOrder;
import org.switchboard.ordering.entity.SagaAction;

/**
 * Ordering, as the provider of the saga's commands (to Inventory, Payments and Shipping) and of
 * the return's {@code ReturnRequested}, against every consumer's pact in {@code schema/pacts/}: the
 * messages come from the real {@code SagaCommands} and {@code OrderReturns} and the real envelope
 * builder, as the outbox stores them. A consumer expectation they no longer meet fails here, naming
 * the consumer.
 */
@Provider("ordering")
@PactFolder
class OrderingMessageContractsTest extends MessageProviderContract {

    static final String RESERVE = "a ReserveStock command";
    static final String RELEASE = "a ReleaseStock command";
    static final String AUTHORISE = "an AuthorisePayment command";
    static final String REFUND = "a RefundPayment command";
    static final String SHIP = "an ArrangeShipment command without a document";
    static final String SHIP_DOCUMENT = "an ArrangeShipment command with a document by claim check";
    static final String RETURN = "a ReturnRequested event";

    /** Every message consumers may expect, by the interaction's description. */
    static final Map<String, Supplier<JsonMessages.Envelope>> MESSAGES = Map.of(
            RESERVE, () -> command(order(false), SagaAction.RESERVE_STOCK),
            RELEASE, () -> command(order(false), SagaAction.RELEASE_STOCK),
            AUTHORISE, () -> command(order(false), SagaAction.AUTHORISE_PAYMENT),
            REFUND, () -> command(order(false), SagaAction.REFUND_PAYMENT),
            SHIP, () -> command(order(false), SagaAction.ARRANGE_SHIPMENT),
            SHIP_DOCUMENT, () -> command(order(true), SagaAction.ARRANGE_SHIPMENT),
            RETURN, () -> JsonMessages.envelope(SentMessages.returnRequested(order(false))));

    @PactVerifyProvider(RESERVE)
    MessageAndMetadata reserve() {
        return message(MESSAGES.get(RESERVE).get());
    }

    @PactVerifyProvider(RELEASE)
    MessageAndMetadata release() {
        return message(MESSAGES.get(RELEASE).get());
    }

    @PactVerifyProvider(AUTHORISE)
    MessageAndMetadata authorise() {
        return message(MESSAGES.get(AUTHORISE).get());
    }

    @PactVerifyProvider(REFUND)
    MessageAndMetadata refund() {
        return message(MESSAGES.get(REFUND).get());
    }

    @PactVerifyProvider(SHIP)
    MessageAndMetadata ship() {
        return message(MESSAGES.get(SHIP).get());
    }

    @PactVerifyProvider(SHIP_DOCUMENT)
    MessageAndMetadata shipWithDocument() {
        return message(MESSAGES.get(SHIP_DOCUMENT).get());
    }

    @PactVerifyProvider(RETURN)
    MessageAndMetadata returnRequested() {
        return message(MESSAGES.get(RETURN).get());
    }

    private static JsonMessages.Envelope command(PurchaseOrder order, SagaAction action) {
        return JsonMessages.envelope(SentMessages.command(order, action));
    }

    /** An express order of two lines, with a 2 MiB document if asked. */
    static PurchaseOrder order(boolean document) {
        var order = new PurchaseOrder(
                UUID.randomUUID(),
                document,
                List.of(new OrderLine("TEA-EARLGREY-250", 2, 990), new OrderLine("MUG-STONE-350", 1, 1800)),
                "EUR",
                UUID.randomUUID(),
                Instant.now());
        if (document) {
            order.attach(new Attachment(
                    UUID.randomUUID(),
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    2_097_152,
                    "application/pdf"));
        }
        return order;
    }
}
