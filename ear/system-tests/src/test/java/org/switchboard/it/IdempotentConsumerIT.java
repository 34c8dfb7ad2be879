package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.messaging.JsonMessages;

/** Marketing applies a command once, however often it arrives. */
class IdempotentConsumerIT extends InContainerTest {

    static final String COMMANDS = "jms.queue.marketing.commands";

    @Resource(lookup = "java:/jms/queue/marketing.commands")
    Queue marketingCommands;

    @Resource(lookup = "java:/jms/queue/DLQ.marketing.commands")
    Queue deadLetters;

    @Test
    void theSameCreateCustomerDeliveredTwiceMakesExactlyOneContact() throws Exception {
        var command = command(UUID.randomUUID(), UUID.randomUUID());
        var acknowledgedBefore = Broker.messagesAcknowledged(COMMANDS);
        var killedBefore = Broker.messagesKilled(COMMANDS);

        FaultInjection.deliverTwice(connectionFactory, marketingCommands, command);

        awaitAcknowledged(acknowledgedBefore + 2);
        // The duplicate was consumed as a no-op, not failed until dead-lettered.
        assertThat(Broker.messagesKilled(COMMANDS)).isEqualTo(killedBefore);
        assertThat(firstOf(deadLetters, command.correlationId())).isNull();
        assertThat(tables.contactsOfCustomer(command.customerId())).isEqualTo(1);
        assertThat(tables.processedMessages(command.messageId())).isEqualTo(1);
    }

    @Test
    void aSecondCommandForAKnownCustomerChangesNothing() throws Exception {
        var customerId = UUID.randomUUID();
        var flow = UUID.randomUUID();
        var first = command(customerId, flow);
        var second = command(customerId, flow);
        var acknowledgedBefore = Broker.messagesAcknowledged(COMMANDS);
        var killedBefore = Broker.messagesKilled(COMMANDS);

        send(first);
        send(second);

        awaitAcknowledged(acknowledgedBefore + 2);
        assertThat(Broker.messagesKilled(COMMANDS)).isEqualTo(killedBefore);
        assertThat(firstOf(deadLetters, flow)).isNull();
        assertThat(tables.contactsOfCustomer(customerId)).isEqualTo(1);
        assertThat(tables.processedMessages(first.messageId())).isEqualTo(1);
        assertThat(tables.processedMessages(second.messageId())).isEqualTo(1);
    }

    /**
     * The command a re-publication made (a new message id) overtakes the original: whichever comes
     * first makes the contact, the other changes nothing, and both count as processed.
     */
    @Test
    void twoCommandsForOneCustomerInReverseOrderMakeOneContact() throws Exception {
        var customerId = UUID.randomUUID();
        var flow = UUID.randomUUID();
        var original = command(customerId, flow);
        var republished = command(customerId, flow);
        var acknowledgedBefore = Broker.messagesAcknowledged(COMMANDS);

        FaultInjection.deliverReordered(connectionFactory, marketingCommands, original, republished);

        awaitAcknowledged(acknowledgedBefore + 2);
        assertThat(tables.contactsOfCustomer(customerId)).isEqualTo(1);
        assertThat(tables.processedMessages(original.messageId())).isEqualTo(1);
        assertThat(tables.processedMessages(republished.messageId())).isEqualTo(1);
        assertThat(firstOf(deadLetters, flow)).isNull();
    }

    /**
     * Isolates the message-id guard from the natural-key guard: a message id already processed is
     * not applied again, even when its content names another customer.
     */
    @Test
    void aProcessedMessageIdIsNotAppliedAgainWhateverItCarries() throws Exception {
        var first = command(UUID.randomUUID(), UUID.randomUUID());
        var sameIdOtherCustomer = new CreateCustomer(
                first.messageId(),
                first.occurredAt(),
                first.correlationId(),
                first.causationId(),
                UUID.randomUUID(),
                Api.uniqueEmail("other"),
                "Other Customer",
                first.customerSince(),
                null);
        var acknowledgedBefore = Broker.messagesAcknowledged(COMMANDS);

        send(first);
        awaitAcknowledged(acknowledgedBefore + 1);
        send(sameIdOtherCustomer);
        awaitAcknowledged(acknowledgedBefore + 2);

        assertThat(tables.contactsOfCustomer(first.customerId())).isEqualTo(1);
        assertThat(tables.contactsOfCustomer(sameIdOtherCustomer.customerId())).isZero();
        assertThat(firstOf(deadLetters, first.correlationId())).isNull();
    }

    static CreateCustomer command(UUID customerId, UUID correlationId) {
        return new CreateCustomer(
                UUID.randomUUID(),
                Instant.now(),
                correlationId,
                UUID.randomUUID(),
                customerId,
                Api.uniqueEmail("twice"),
                "Sent Twice",
                Instant.now(),
                true);
    }

    private void send(CreateCustomer command) {
        try (var context = connectionFactory.createContext()) {
            context.createProducer().send(marketingCommands, JsonMessages.toTextMessage(context, command));
        }
    }

    private static void awaitAcknowledged(long atLeast) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Broker.messagesAcknowledged(COMMANDS) >= atLeast
                        && Broker.messageCount(COMMANDS) == 0
                        && Broker.deliveringCount(COMMANDS) == 0);
    }
}
