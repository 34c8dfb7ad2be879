package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.integration.control.MarketingCommands;
import org.switchboard.marketing.control.ContactOnboarding;
import org.switchboard.messaging.Headers;

/**
 * A failing consumer rolls back its database work with the delivery; Artemis redelivers after
 * growing delays and, after the last attempt, parks the message in the dead-letter queue.
 */
class ConsumerRedeliveryIT extends InContainerTest {

    static final String COMMANDS = "jms.queue.marketing.commands";
    private static final System.Logger LOG = System.getLogger(ConsumerRedeliveryIT.class.getName());

    @Resource(lookup = "java:/jms/queue/DLQ.marketing.commands")
    Queue deadLetters;

    @Resource(lookup = "java:/jms/queue/DLQ.webstore.events")
    Queue deadEvents;

    @Test
    void persistentFailureIsRedeliveredWithGrowingDelaysThenDeadLetteredWithoutPartialRows() throws Exception {
        var policy = Broker.redelivery(COMMANDS);
        assertThat(policy.deadLetterAddress()).isEqualTo("jms.queue.DLQ.marketing.commands");
        assertThat(policy.maxAttempts()).isGreaterThan(1);
        assertThat(policy.multiplier()).isGreaterThan(1.0);

        var correlationId = UUID.randomUUID();
        var fault = FaultInjection.arm(ContactOnboarding.FAULT_AFTER_STORE, correlationId, Integer.MAX_VALUE);
        try {
            assertThat(api.register(Api.uniqueEmail("poison"), "Never Stored", correlationId)
                            .status())
                    .isEqualTo(201);

            var deadLetter = await().atMost(policy.allAttempts().plusSeconds(30))
                    .until(() -> firstOf(deadLetters, correlationId), m -> m != null);

            var attempts = fault.passes();
            LOG.log(System.Logger.Level.INFO, "Redelivery policy {0}; deliveries at {1}", policy, attempts);
            assertThat(attempts).as("deliveries before dead-lettering").hasSize(policy.maxAttempts());
            for (int i = 1; i < attempts.size(); i++) {
                var gap = Duration.between(attempts.get(i - 1), attempts.get(i));
                // Artemis schedules the redelivery when the rollback reaches it; allow clock granularity.
                assertThat(gap.toMillis())
                        .as("delay before delivery %d", i + 1)
                        .isGreaterThanOrEqualTo(policy.delayBefore(i) - 20);
            }
            assertThat(deadLetter.getStringProperty(Headers.ORIGINAL_ADDRESS)).isEqualTo(COMMANDS);
            assertThat(deadLetter.getJMSType()).isEqualTo("marketing.CreateCustomer");
            assertThat(deadLetter.getStringProperty(Headers.CORRELATION_ID)).isEqualTo(correlationId.toString());
            assertThat(tables.contactsOfFlow(correlationId))
                    .as("contacts left behind")
                    .isZero();
            assertThat(tables.processedMessagesOfFlow(correlationId))
                    .as("idempotency records left behind")
                    .isZero();
            assertThat(tables.customersOfFlow(correlationId))
                    .as("the Web Store's own commit stands")
                    .isEqualTo(1);
        } finally {
            FaultInjection.disarm(fault);
            drain(deadLetters, correlationId);
        }
    }

    @Test
    void transientFailureIsRetriedAndTakesEffectExactlyOnce() {
        var policy = Broker.redelivery(COMMANDS);
        var correlationId = UUID.randomUUID();
        var fault = FaultInjection.arm(ContactOnboarding.FAULT_AFTER_STORE, correlationId, 2);
        try {
            var customerId = UUID.fromString(api.register(Api.uniqueEmail("flaky"), "Eventually Stored", correlationId)
                    .json()
                    .getString("id"));

            await().atMost(Duration.ofSeconds(30)).until(() -> tables.contactsOfFlow(correlationId) == 1);

            var attempts = fault.passes();
            assertThat(attempts).hasSize(3);
            assertThat(Duration.between(attempts.get(0), attempts.get(1)).toMillis())
                    .isGreaterThanOrEqualTo(policy.delayBefore(1) - 20);
            assertThat(tables.contactsOfCustomer(customerId)).isEqualTo(1);
            assertThat(tables.processedMessagesOfFlow(correlationId)).isEqualTo(1);
        } finally {
            FaultInjection.disarm(fault);
        }
    }

    /**
     * A consumer whose local transaction was marked for rollback behind its back (a lost connection
     * that Hibernate's find swallowed) returns normally. Before {@code CommitGuard}, Narayana rolled
     * that back silently and the broker acknowledged the message: the contact was lost for good.
     */
    @Test
    void aTransactionMarkedForRollbackBehindTheConsumersBackIsRedeliveredNotAcknowledged() {
        var policy = Broker.redelivery(COMMANDS);
        var correlationId = UUID.randomUUID();
        var fault = FaultInjection.armSilentRollback(ContactOnboarding.FAULT_AFTER_STORE, correlationId, 1);
        try {
            var customerId =
                    UUID.fromString(api.register(Api.uniqueEmail("doomed"), "Stored On Redelivery", correlationId)
                            .json()
                            .getString("id"));

            await().atMost(Duration.ofSeconds(30)).until(() -> tables.contactsOfFlow(correlationId) == 1);

            var attempts = fault.passes();
            assertThat(attempts)
                    .as("the rolled-back delivery and its redelivery")
                    .hasSize(2);
            assertThat(Duration.between(attempts.get(0), attempts.get(1)).toMillis())
                    .as("redelivered by the broker, after its delay")
                    .isGreaterThanOrEqualTo(policy.delayBefore(1) - 20);
            assertThat(tables.contactsOfCustomer(customerId)).isEqualTo(1);
            assertThat(tables.processedMessagesOfFlow(correlationId)).isEqualTo(1);
        } finally {
            FaultInjection.disarm(fault);
        }
    }

    @Test
    void failingTransformerRollsBackItsCommandAndParksTheEventInTheTopicsDeadLetterQueue() throws Exception {
        var policy = Broker.redelivery("jms.topic.webstore.events");
        assertThat(policy.deadLetterAddress()).isEqualTo("jms.queue.DLQ.webstore.events");
        var correlationId = UUID.randomUUID();
        var fault = FaultInjection.arm(MarketingCommands.FAULT_AFTER_SEND, correlationId, Integer.MAX_VALUE);
        try {
            assertThat(api.register(Api.uniqueEmail("untranslated"), "Never Commanded", correlationId)
                            .status())
                    .isEqualTo(201);

            var deadEvent = await().atMost(policy.allAttempts().plusSeconds(30))
                    .until(() -> firstOf(deadEvents, correlationId), m -> m != null);

            assertThat(fault.passes()).hasSize(policy.maxAttempts());
            assertThat(deadEvent.getJMSType()).isEqualTo("webstore.CustomerRegistered");
            assertThat(deadEvent.getStringProperty(Headers.ORIGINAL_ADDRESS)).isEqualTo("jms.topic.webstore.events");
            assertThat(deadEvent.getStringProperty(Headers.ORIGINAL_QUEUE)).isEqualTo("integration");
            assertThat(firstOf(deadLetters, correlationId))
                    .as("a command escaped")
                    .isNull();
            assertThat(tables.contactsOfFlow(correlationId)).isZero();
            assertThat(tables.processedMessagesOfFlow(correlationId)).isZero();
        } finally {
            FaultInjection.disarm(fault);
            drain(deadEvents, correlationId);
        }
    }
}
