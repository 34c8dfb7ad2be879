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

    @Test
    void theSameCreateCustomerDeliveredTwiceMakesExactlyOneContact() {
        var command = command(UUID.randomUUID(), UUID.randomUUID());
        var acknowledgedBefore = Broker.messagesAcknowledged(COMMANDS);

        send(command);
        send(command);

        awaitAcknowledged(acknowledgedBefore + 2);
        assertThat(tables.contactsOfCustomer(command.customerId())).isEqualTo(1);
        assertThat(tables.processedMessages(command.messageId())).isEqualTo(1);
    }

    @Test
    void aSecondCommandForAKnownCustomerChangesNothing() {
        var customerId = UUID.randomUUID();
        var first = command(customerId, UUID.randomUUID());
        var second = command(customerId, UUID.randomUUID());
        var acknowledgedBefore = Broker.messagesAcknowledged(COMMANDS);

        send(first);
        send(second);

        awaitAcknowledged(acknowledgedBefore + 2);
        assertThat(tables.contactsOfCustomer(customerId)).isEqualTo(1);
        assertThat(tables.processedMessages(first.messageId())).isEqualTo(1);
        assertThat(tables.processedMessages(second.messageId())).isEqualTo(1);
    }

    private static CreateCustomer command(UUID customerId, UUID correlationId) {
        return new CreateCustomer(
                UUID.randomUUID(),
                Instant.now(),
                correlationId,
                UUID.randomUUID(),
                customerId,
                Api.uniqueEmail("twice"),
                "Sent Twice",
                Instant.now());
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
