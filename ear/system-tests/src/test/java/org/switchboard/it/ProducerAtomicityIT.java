package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.jms.Topic;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.messaging.Headers;
import org.switchboard.webstore.boundary.Registrations;

/** The customer row and CustomerRegistered commit together or not at all. */
class ProducerAtomicityIT extends InContainerTest {

    @Resource(lookup = "java:/jms/topic/webstore.events")
    Topic webstoreEvents;

    @Test
    void failureAfterTheOutboxWriteButBeforeCommitLeavesNoCustomerAndNoMessage() throws Exception {
        var correlationId = UUID.randomUUID();
        var email = Api.uniqueEmail("atomic");
        var fault = FaultInjection.arm(Registrations.FAULT_BEFORE_COMMIT, correlationId, 1);
        try (var events = new WebstoreEvents(connectionFactory, webstoreEvents, correlationId)) {

            var failed = api.register(email, "Rolled Back", correlationId);

            assertThat(fault.passes())
                    .as("the fault fired after the customer and its event were written")
                    .hasSize(1);
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.contentType()).startsWith("application/problem+json");
            assertThat(failed.json().getString("detail")).containsPattern("incident [0-9a-f-]{36}");
            assertThat(failed.body()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(tables.customersWithEmail(email)).isZero();
            assertThat(events.next(2000))
                    .as("CustomerRegistered escaped a rolled-back transaction")
                    .isNull();
            assertThat(tables.contactsOfFlow(correlationId)).isZero();
        } finally {
            FaultInjection.disarm(fault);
        }

        // Nothing half-written blocks the next attempt with the same address.
        var retried = UUID.randomUUID();
        try (var events = new WebstoreEvents(connectionFactory, webstoreEvents, retried)) {
            assertThat(api.register(email, "Rolled Back", retried).status()).isEqualTo(201);
            var published = events.next(10_000);
            assertThat(published).isNotNull();
            assertThat(published.getJMSType()).isEqualTo("webstore.CustomerRegistered");
            assertThat(published.getIntProperty(Headers.SCHEMA_VERSION)).isEqualTo(2);
            assertThat(published.getStringProperty(Headers.CORRELATION_ID)).isEqualTo(retried.toString());
            assertThat(published.getStringProperty(Headers.CAUSATION_ID)).isEqualTo(retried.toString());
            assertThat(UUID.fromString(published.getStringProperty(Headers.MESSAGE_ID)))
                    .isNotNull();
        }
    }
}
