package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The address settings the running broker resolved from {@code jms-config/messaging.cli}, read back
 * with Artemis' own {@code getAddressSettingsAsJSON} (which merges every matching setting as the
 * broker does): every business destination gets the shared policy from the one wildcard setting and
 * its own dead-letter queue, and dead-letter and expiry queues keep what they hold.
 */
class AddressSettingsIT extends InContainerTest {

    static final long MIB_10 = 10L * 1024 * 1024;

    /** The saga's command queues expire to Ordering, which cancels the saga with the reason. */
    static final java.util.Set<String> SAGA_COMMANDS = java.util.Set.of(
            "jms.queue.inventory.commands", "jms.queue.payments.commands", "jms.queue.shipping.commands");

    @Test
    void everyBusinessDestinationHasTheSharedPolicyAndItsOwnDeadLetterQueue() {
        var business = Broker.jmsAddresses().stream()
                .filter(address -> !address.startsWith("jms.queue.DLQ"))
                .filter(address -> !address.equals("jms.queue.ExpiryQueue"))
                // A topic whose only readers are diverts (ordering.events and the like) holds no
                // message itself: with no queue on it there is nothing to dead-letter.
                .filter(address -> !address.startsWith("jms.topic.")
                        || !Broker.queuesOf(address).isEmpty())
                .toList();
        assertThat(business)
                .contains("jms.topic.webstore.events", "jms.queue.marketing.commands", "jms.queue.ops.journey");

        for (var address : business) {
            var settings = Broker.addressSettings(address);
            var name = address.replaceFirst("^jms\\.(queue|topic)\\.", "");
            assertThat(settings.getString("deadLetterAddress"))
                    .as("dead-letter address of %s", address)
                    .isEqualTo("jms.queue.DLQ." + name);
            assertThat(Broker.jmsAddresses()).as("DLQ of %s exists", address).contains("jms.queue.DLQ." + name);
            assertThat(settings.getString("expiryAddress"))
                    .as("expiry of %s", address)
                    .isEqualTo(
                            SAGA_COMMANDS.contains(address) ? "jms.queue.ordering.expired" : "jms.queue.ExpiryQueue");
            assertThat(Broker.number(settings, "redeliveryDelay"))
                    .as("delay of %s", address)
                    .isEqualTo(500);
            assertThat(Broker.number(settings, "redeliveryMultiplier"))
                    .as("multiplier of %s", address)
                    .isEqualTo(2.0);
            assertThat(Broker.number(settings, "maxRedeliveryDelay"))
                    .as("max delay of %s", address)
                    .isEqualTo(30_000);
            assertThat(Broker.number(settings, "maxDeliveryAttempts"))
                    .as("attempts of %s", address)
                    .isEqualTo(5);
            assertThat(Broker.number(settings, "maxSizeBytes"))
                    .as("paging size of %s", address)
                    .isEqualTo(MIB_10);
            assertThat(settings.getString("addressFullMessagePolicy"))
                    .as("full policy of %s", address)
                    .isEqualTo("PAGE");
        }
    }

    @Test
    void deadLetterAndExpiryQueuesNeverDeadLetterAgainAndPage() {
        var parking = Broker.jmsAddresses().stream()
                .filter(address -> address.startsWith("jms.queue.DLQ.") || address.equals("jms.queue.ExpiryQueue"))
                .toList();
        assertThat(parking)
                .contains(
                        "jms.queue.DLQ.webstore.events",
                        "jms.queue.DLQ.marketing.commands",
                        "jms.queue.DLQ.ops.journey",
                        "jms.queue.ExpiryQueue");
        for (var address : parking) {
            var settings = Broker.addressSettings(address);
            assertThat(Broker.number(settings, "maxDeliveryAttempts"))
                    .as("attempts of %s", address)
                    .isEqualTo(-1);
            assertThat(Broker.number(settings, "redeliveryDelay"))
                    .as("delay of %s", address)
                    .isEqualTo(0);
            assertThat(Broker.number(settings, "maxSizeBytes"))
                    .as("paging size of %s", address)
                    .isEqualTo(MIB_10);
            assertThat(settings.getString("addressFullMessagePolicy"))
                    .as("full policy of %s", address)
                    .isEqualTo("PAGE");
        }
    }
}
