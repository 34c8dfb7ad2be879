package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.messaging.Headers;
import org.switchboard.messaging.outbox.TransactionalOutbox;

/**
 * CustomerRegistered waits in the Web Store's outbox until the relay has sent it, and a message
 * sent again (the relay died between send and delete) is the same message and has one effect.
 */
class OutboxRelayIT extends InContainerTest {

    @Resource(lookup = "java:/jms/topic/webstore.events")
    Topic webstoreEvents;

    @Test
    void anEventTheRelayCannotSendWaitsInTheOutboxAndGoesOutOnceItCan() throws Exception {
        var flow = UUID.randomUUID();
        var fault = FaultInjection.arm(TransactionalOutbox.faultBeforeSend("webstore"), flow, 3);
        try (var events = new WebstoreEvents(connectionFactory, webstoreEvents, flow)) {

            var registered = api.register(Api.uniqueEmail("outbox"), "Ada", "Waits", true, flow);

            assertThat(registered.status())
                    .as("the registration does not wait for the broker")
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(5)).until(() -> !fault.passes().isEmpty());
            assertThat(tables.customersOfFlow(flow)).isOne();
            assertThat(tables.outboxOfFlow(flow))
                    .as("the event waits in the outbox")
                    .isOne();
            assertThat(tables.contactsOfFlow(flow)).isZero();

            var published = events.next(15_000);
            assertThat(published)
                    .as("CustomerRegistered after the relay could send again")
                    .isNotNull();
            assertThat(fault.passes())
                    .as("three failed attempts, one sweep a second, then the send")
                    .hasSize(4);
            assertThat(published.getStringProperty(Headers.CORRELATION_ID)).isEqualTo(flow.toString());
            assertThat(published.getIntProperty(Headers.SCHEMA_VERSION)).isEqualTo(2);
            assertThat(events.next(1_000)).as("a second CustomerRegistered").isNull();
            await().atMost(Duration.ofSeconds(15)).until(() -> tables.contactsOfFlow(flow) == 1);
            // Deleted by the relay's next lease: the next commit's run, at the latest the sweep a second later.
            await().atMost(Duration.ofSeconds(3)).until(() -> tables.outboxOfFlow(flow) == 0);
        } finally {
            FaultInjection.disarm(fault);
        }
    }

    @Test
    void anEventSentTwiceIsTheSameMessageAndMakesOneContact() throws Exception {
        var flow = UUID.randomUUID();
        var fault = FaultInjection.arm(TransactionalOutbox.faultAfterSend("webstore"), flow, 1);
        try (var events = new WebstoreEvents(connectionFactory, webstoreEvents, flow)) {

            assertThat(api.register(Api.uniqueEmail("outbox-twice"), "Ada", "Twice", true, flow)
                            .status())
                    .isEqualTo(201);

            var first = events.next(10_000);
            var again = events.next(10_000);
            assertThat(first).isNotNull();
            assertThat(again)
                    .as("sent again: the relay failed before deleting it")
                    .isNotNull();
            assertThat(again.getStringProperty(Headers.MESSAGE_ID))
                    .isEqualTo(first.getStringProperty(Headers.MESSAGE_ID));
            assertThat(again.getJMSType()).isEqualTo(first.getJMSType());
            assertThat(again.getStringProperty(Headers.CAUSATION_ID))
                    .isEqualTo(first.getStringProperty(Headers.CAUSATION_ID));
            assertThat(((jakarta.jms.TextMessage) again).getText())
                    .isEqualTo(((jakarta.jms.TextMessage) first).getText());
            await().atMost(Duration.ofSeconds(5)).until(() -> tables.outboxOfFlow(flow) == 0);
            // Both copies reach Marketing as the same CreateCustomer: one contact, one processed message.
            await().atMost(Duration.ofSeconds(15)).until(() -> tables.contactsOfFlow(flow) == 1);
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> tables.contactsOfFlow(flow) == 1 && tables.processedMessagesOfFlow(flow) == 1);
        } finally {
            FaultInjection.disarm(fault);
        }
    }
}
