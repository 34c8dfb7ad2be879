package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.marketing.control.ContactOnboarding;

/**
 * An outage does not burn a message's delivery attempts: Marketing's store fails as if PostgreSQL
 * were unreachable more often than the broker would ever redeliver, and the command is deferred
 * (sent back to its queue with a growing delay) each time instead of being dead-lettered; once the
 * "database" is back, the contact is stored exactly once. The test server shortens the deferral
 * policy (arquillian.xml: 100 ms doubling, at most 400 ms); production waits 1 s doubling up to
 * 60 s, for at most 30 minutes.
 */
class DatabaseOutageIT extends InContainerTest {

    @Resource(lookup = "java:/jms/queue/DLQ.marketing.commands")
    Queue deadLetters;

    @Test
    void anOutageLongerThanTheRedeliveryBudgetDefersTheCommandAndLosesNothing() throws Exception {
        var policy = Broker.redelivery(ConsumerRedeliveryIT.COMMANDS);
        var outages = policy.maxAttempts() * 2;
        var correlationId = UUID.randomUUID();
        var fault = FaultInjection.armOutage(ContactOnboarding.FAULT_AFTER_STORE, correlationId, outages);
        try {
            var customerId = UUID.fromString(api.register(Api.uniqueEmail("outage"), "Waits Out", correlationId)
                    .json()
                    .getString("id"));

            await().atMost(Duration.ofSeconds(60)).until(() -> tables.contactsOfFlow(correlationId) == 1);

            assertThat(fault.passes())
                    .as("every failed attempt plus the one that stored it")
                    .hasSize(outages + 1);
            assertThat(tables.contactsOfCustomer(customerId)).isEqualTo(1);
            assertThat(tables.processedMessagesOfFlow(correlationId)).isEqualTo(1);
            assertThat(firstOf(deadLetters, correlationId))
                    .as("nothing dead-lettered for an outage")
                    .isNull();
            var passes = fault.passes();
            // The test server defers by 100, 200, then 400 ms: the third wait against the first
            // leaves 300 ms of margin for a loaded machine (comparing neighbours left 100 ms, and a
            // machine at load 50 once stretched the first wait past the second).
            assertThat(Duration.between(passes.get(2), passes.get(3)).toMillis())
                    .as("deferrals grow")
                    .isGreaterThan(
                            Duration.between(passes.get(0), passes.get(1)).toMillis());
        } finally {
            FaultInjection.disarm(fault);
        }
    }
}
