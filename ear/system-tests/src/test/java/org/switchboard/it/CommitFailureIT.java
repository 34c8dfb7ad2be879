package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.contracts.marketing.CreateCustomer;

/**
 * A transaction that fails inside its own COMMIT, after the handler did its work (the fault
 * harness's {@link CommitFaults}): the consumer's message is not lost and not applied twice, and a
 * client is never told 201 for a registration that did not commit; its retry with the same
 * Idempotency-Key registers it once.
 */
class CommitFailureIT extends InContainerTest {

    static final String COMMANDS = "jms.queue.marketing.commands";

    @Resource(lookup = "java:/jms/queue/marketing.commands")
    Queue marketingCommands;

    @Resource(lookup = "java:/jms/queue/DLQ.marketing.commands")
    Queue deadLetters;

    CommitFaults faults;

    @BeforeEach
    void harness() {
        faults = new CommitFaults(dataSource);
    }

    @Test
    void aContactWhoseCommitFailsIsStoredOnceByTheRedelivery() throws Exception {
        var command = IdempotentConsumerIT.command(UUID.randomUUID(), UUID.randomUUID());
        var fault = faults.arm(
                "marketing.contact", "customer_id", command.customerId(), 1, CommitFaults.SERIALIZATION_FAILURE);

        send(command);

        await().atMost(Duration.ofSeconds(30)).until(() -> tables.contactsOfCustomer(command.customerId()) == 1);
        assertThat(fault.attempts())
                .as("commits tried: the failed one and the redelivery's")
                .isEqualTo(2);
        assertThat(tables.processedMessages(command.messageId())).isEqualTo(1);
        assertThat(firstOf(deadLetters, command.correlationId())).isNull();
    }

    /**
     * A commit that fails the way a lost connection does leaves no heuristic record for a person to
     * clear: the outcome is the database's, and the redelivery finds it (here: not committed).
     */
    @Test
    void aCommitThatFailsLikeALostConnectionLeavesNoHeuristicRecord() throws Exception {
        var command = IdempotentConsumerIT.command(UUID.randomUUID(), UUID.randomUUID());
        var fault = faults.arm(
                "marketing.contact", "customer_id", command.customerId(), 2, CommitFaults.CONNECTION_FAILURE);
        var viewer = api.as("viewer", "viewer-demo");

        send(command);

        await().atMost(Duration.ofSeconds(30)).until(() -> tables.contactsOfCustomer(command.customerId()) == 1);
        assertThat(fault.attempts()).isEqualTo(3);
        assertThat(tables.processedMessages(command.messageId())).isEqualTo(1);
        assertThat(firstOf(deadLetters, command.correlationId())).isNull();
        var transactions =
                viewer.get("api/ops/health").json().getJsonObject("components").getJsonObject("transactions");
        assertThat(transactions.getString("status")).as(transactions.toString()).isEqualTo("UP");
    }

    /**
     * PostgreSQL refuses the COMMIT on a healthy connection: Narayana reports a rollback, so the
     * client hears that nothing was stored and it may retry (503 database-unavailable, Retry-After).
     */
    @Test
    void aRegistrationWhoseCommitFailsIsNotAnswered201AndItsRetryRegistersItOnce() {
        var email = Api.uniqueEmail("commit-fails");
        var key = UUID.randomUUID().toString();
        var body = registration(email);
        faults.arm("webstore.customer", "email", email, 1, CommitFaults.SERIALIZATION_FAILURE);

        var first = api.post("api/customers", body, null, key);

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.contentType()).startsWith("application/problem+json");
        assertThat(first.json().getString("type")).endsWith("/database-unavailable");
        assertThat(tables.customersWithEmail(email)).isZero();

        var retry = api.post("api/customers", body, null, key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(tables.customersWithEmail(email)).isEqualTo(1);
        var customerId = UUID.fromString(retry.json().getString("id"));
        await().atMost(Duration.ofSeconds(30)).until(() -> tables.contactsOfCustomer(customerId) == 1);
    }

    /**
     * The COMMIT fails as a lost connection does: IronJacamar reports XAER_RMFAIL, Narayana a
     * heuristic, and the server cannot know what happened; it says so (503 outcome-unknown), and the
     * retry with the same key finds out.
     */
    @Test
    void aRegistrationWhoseCommitLosesTheDatabaseIsAnsweredOutcomeUnknown() {
        var email = Api.uniqueEmail("commit-outage");
        var key = UUID.randomUUID().toString();
        var body = registration(email);
        faults.arm("webstore.customer", "email", email, 1, CommitFaults.CONNECTION_FAILURE);

        var first = api.post("api/customers", body, null, key);

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.json().getString("type")).endsWith("/outcome-unknown");
        assertThat(tables.customersWithEmail(email)).isZero();
        assertThat(api.post("api/customers", body, null, key).status()).isEqualTo(201);
        assertThat(tables.customersWithEmail(email)).isEqualTo(1);
    }

    private static String registration(String email) {
        return jakarta.json.Json.createObjectBuilder()
                .add("email", email)
                .add("givenName", "Commit")
                .add("familyName", "Failure")
                .add("marketingConsent", true)
                .build()
                .toString();
    }

    private void send(CreateCustomer command) {
        FaultInjection.deliver(connectionFactory, marketingCommands, command);
    }
}
