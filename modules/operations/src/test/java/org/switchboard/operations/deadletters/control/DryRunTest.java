package org.switchboard.operations.deadletters.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.messaging.JsonMessages;
import org.switchboard.messaging.schema.MessageSchemas;
import org.switchboard.operations.broker.entity.BrowsedMessage;
import org.switchboard.operations.broker.entity.Envelope;
import org.switchboard.operations.broker.entity.Failure;
import org.switchboard.operations.broker.entity.Origin;
import org.switchboard.operations.deadletters.control.DryRun.Verdict;

class DryRunTest {

    static final String DLQ = "jms.queue.DLQ.marketing.commands";
    static final String ID = "ID:0f8e2c1a-3b7d-4c55-9a61-2d7c1f0e9b34";
    static final MessageSchemas SCHEMAS = MessageSchemas.standard();

    final CreateCustomer command = new CreateCustomer(
            UUID.randomUUID(),
            Instant.now(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            "ada@example.org",
            "Ada Lovelace",
            Instant.now(),
            true);

    @Test
    void aValidMessageGoesBackToItsQueueAndWhetherItWasProcessedIsNotGuessed() {
        var finding = DryRun.judge(
                ID,
                DLQ,
                Optional.of(parked(CreateCustomer.TYPE, 1, JsonMessages.toJson(command), Failure.MOVED_BY_BROKER)),
                SCHEMAS);

        assertThat(finding.verdict()).isEqualTo(Verdict.VALID);
        assertThat(finding.line())
                .startsWith(ID + ": back to jms.queue.marketing.commands; ")
                .contains("valid against the current schema of marketing.CreateCustomer v1")
                .contains("processed before: unknown")
                .contains("its messageId " + command.messageId() + " makes this delivery a harmless duplicate")
                .doesNotContain("already processed");
    }

    @Test
    void aMessageItsConsumerRefusedUnreadIsNotSaidToBeProcessed() {
        var finding = DryRun.judge(ID, DLQ, Optional.of(parked(CreateCustomer.TYPE, 1, "{}")), SCHEMAS);

        assertThat(finding.line())
                .contains("not processed by the delivery that refused it (SCHEMA_VIOLATION, delivery 1)")
                .doesNotContain("already processed");
    }

    @Test
    void withoutAMessageIdNothingCanBeSaidOfAnEarlierDelivery() {
        var anonymous = new BrowsedMessage(
                ID,
                new Envelope(CreateCustomer.TYPE, 1, null, null, null),
                new Origin("jms.queue.marketing.commands", "jms.queue.marketing.commands"),
                new Failure(Failure.SENT_DIRECTLY, null, null, null),
                "{}",
                Map.of());

        assertThat(DryRun.judge(ID, DLQ, Optional.of(anonymous), SCHEMAS).line())
                .contains("processed before: unknown, and it has no messageId");
    }

    @Test
    void aMessageThatBreaksItsCurrentSchemaWouldBeDeadLetteredAgain() {
        var body = JsonMessages.toJson(command).replaceFirst("\"customerSince\":\"[^\"]*\",?", "");

        var finding = DryRun.judge(ID, DLQ, Optional.of(parked(CreateCustomer.TYPE, 1, body)), SCHEMAS);

        assertThat(finding.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(finding.line())
                .contains("INVALID against the current schema of marketing.CreateCustomer v1")
                .contains("customerSince")
                .contains("(it would be dead-lettered again)");
    }

    @Test
    void aBodyThatIsNotJsonIsInvalid() {
        var finding = DryRun.judge(ID, DLQ, Optional.of(parked(CreateCustomer.TYPE, 1, "not json")), SCHEMAS);

        assertThat(finding.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(finding.line()).contains("the body is not JSON");
    }

    @Test
    void aTypeOrVersionWithoutACurrentSchemaWouldBeDeadLetteredAgain() {
        var unknown = DryRun.judge(ID, DLQ, Optional.of(parked("marketing.Unknown", 1, "{}")), SCHEMAS);
        var untyped = DryRun.judge(ID, DLQ, Optional.of(parked(null, null, "{}")), SCHEMAS);

        assertThat(unknown.verdict()).isEqualTo(Verdict.NO_SCHEMA);
        assertThat(unknown.line())
                .contains("no current schema for marketing.Unknown v1 (it would be dead-lettered again)");
        assertThat(untyped.verdict()).isEqualTo(Verdict.NO_SCHEMA);
    }

    @Test
    void aMessageNoLongerThereOrNoMessageIdIsSaidSo() {
        assertThat(DryRun.judge(ID, DLQ, Optional.empty(), SCHEMAS))
                .isEqualTo(new DryRun.Finding(ID, Verdict.GONE, ID + ": not in " + DLQ));
        assertThat(DryRun.judge("ID:x'--", DLQ, Optional.empty(), SCHEMAS))
                .isEqualTo(new DryRun.Finding("ID:x'--", Verdict.NOT_A_MESSAGE_ID, "ID:x'--: not a JMS message id"));
    }

    private BrowsedMessage parked(String type, Integer version, String body) {
        return parked(type, version, body, "SCHEMA_VIOLATION");
    }

    private BrowsedMessage parked(String type, Integer version, String body, String reason) {
        return new BrowsedMessage(
                ID,
                new Envelope(
                        type,
                        version,
                        command.correlationId().toString(),
                        command.messageId().toString(),
                        null),
                new Origin("jms.queue.marketing.commands", "jms.queue.marketing.commands"),
                new Failure(reason, null, 1, null),
                body,
                Map.of());
    }
}
