package org.switchboard.payments.contract;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.switchboard.contracts.payments.PaymentAuthorised;
import org.switchboard.contracts.payments.PaymentDeclined;
import org.switchboard.contracts.payments.ReturnRefundFailed;
import org.switchboard.contracts.payments.ReturnRefunded;
import org.switchboard.messaging.JsonMessages;
import org.switchboard.messaging.contract.MessageProviderContract;

/**
 * Payments, as the provider of the replies to AuthorisePayment (to Ordering) and of the return's refund outcome (to Ordering and Inventory), against every consumer's pact in {@code schema/pacts/}: each message is the contract
 * record as Payments fills it, through the real envelope builder (what its outbox stores). A consumer
 * expectation they no longer meet fails here, naming the consumer.
 */
@Provider("payments")
@PactFolder
class PaymentsMessageContractsTest extends MessageProviderContract {

    static final String AUTHORISED = "a PaymentAuthorised reply";
    static final String DECLINED = "a PaymentDeclined reply with its reason";
    static final String REFUNDED = "a ReturnRefunded event";
    static final String REFUND_FAILED = "a ReturnRefundFailed event with its reason";

    /** Every message consumers may expect, by the interaction's description. */
    static final Map<String, Supplier<JsonMessages.Envelope>> MESSAGES = Map.of(
            AUTHORISED,
            () -> envelope(new PaymentAuthorised(
                    UUID.randomUUID(),
                    Instant.now(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID())),
            DECLINED,
            () -> envelope(new PaymentDeclined(
                    UUID.randomUUID(),
                    Instant.now(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    "Over the customer's limit: 125000 asked, 100000 available")),
            REFUNDED,
            () -> envelope(new ReturnRefunded(
                    UUID.randomUUID(),
                    Instant.now(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    3780)),
            REFUND_FAILED,
            () -> envelope(new ReturnRefundFailed(
                    UUID.randomUUID(),
                    Instant.now(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    "Refunds on hold: a chargeback under dispute")));

    @PactVerifyProvider(AUTHORISED)
    MessageAndMetadata authorised() {
        return message(MESSAGES.get(AUTHORISED).get());
    }

    @PactVerifyProvider(DECLINED)
    MessageAndMetadata declined() {
        return message(MESSAGES.get(DECLINED).get());
    }

    @PactVerifyProvider(REFUNDED)
    MessageAndMetadata refunded() {
        return message(MESSAGES.get(REFUNDED).get());
    }

    @PactVerifyProvider(REFUND_FAILED)
    MessageAndMetadata refundFailed() {
        return message(MESSAGES.get(REFUND_FAILED).get());
    }

    private static JsonMessages.Envelope envelope(org.switchboard.contracts.Message message) {
        return JsonMessages.envelope(message);
    }
}
