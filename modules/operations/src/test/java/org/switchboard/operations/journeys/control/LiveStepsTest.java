package org.switchboard.operations.journeys.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.operations.broker.entity.BrowsedMessage;
import org.switchboard.operations.broker.entity.Counters;
import org.switchboard.operations.broker.entity.Envelope;
import org.switchboard.operations.broker.entity.Failure;
import org.switchboard.operations.broker.entity.Load;
import org.switchboard.operations.broker.entity.Located;
import org.switchboard.operations.broker.entity.Origin;
import org.switchboard.operations.broker.entity.Place;
import org.switchboard.operations.broker.entity.QueueKind;
import org.switchboard.operations.broker.entity.QueueSample;
import org.switchboard.operations.broker.entity.Seen;
import org.switchboard.operations.journeys.entity.Outcome;

class LiveStepsTest {

    static final long SENT = Instant.parse("2026-11-02T10:00:00Z").toEpochMilli();
    static final long ORIGINALLY_SENT = Instant.parse("2026-11-02T09:00:00Z").toEpochMilli();

    @Test
    void aWaitingRetryingOrDeliveredMessageIsWhereItWasSent() {
        var commands = queue("jms.queue.marketing.commands", "jms.queue.marketing.commands", QueueKind.QUEUE);
        var message = Map.<String, Object>of(
                "messageId",
                "m1",
                "_AMQ_TYPE",
                "marketing.CreateCustomer",
                "schemaVersion",
                1,
                "causationId",
                "e1",
                "timestamp",
                SENT);

        var waiting = LiveSteps.of(commands, new Located(commands.queue(), Place.WAITING, message));

        assertThat(waiting.outcome()).isEqualTo(Outcome.WAITING);
        assertThat(waiting.where()).isEqualTo("marketing.commands");
        assertThat(waiting.sending().destination()).isEqualTo("marketing.commands");
        assertThat(waiting.sending().subscription()).isNull();
        assertThat(waiting.sending().sentAt()).isEqualTo(Instant.ofEpochMilli(SENT));
        assertThat(waiting.message().type()).as("the core name of JMSType").isEqualTo("marketing.CreateCustomer");
        assertThat(waiting.message().schemaVersion()).isEqualTo(1);
        assertThat(waiting.message().causationId()).isEqualTo("e1");
        assertThat(waiting.reason()).isNull();
        assertThat(waiting.live()).isTrue();
        assertThat(LiveSteps.of(commands, new Located(commands.queue(), Place.SCHEDULED, message))
                        .outcome())
                .isEqualTo(Outcome.RETRYING);
        assertThat(LiveSteps.of(commands, new Located(commands.queue(), Place.DELIVERING, message))
                        .outcome())
                .isEqualTo(Outcome.IN_DELIVERY);
    }

    @Test
    void aMessageOfASubscriptionNamesTheTopicAndTheSubscription() {
        var integration = queue("integration", "jms.topic.webstore.events", QueueKind.SUBSCRIPTION);

        var step = LiveSteps.of(integration, new Located("integration", Place.WAITING, Map.of("messageId", "e1")));

        assertThat(step.sending().destination()).isEqualTo("webstore.events");
        assertThat(step.sending().subscription()).isEqualTo("integration");
        assertThat(step.where()).isEqualTo("integration");
    }

    @Test
    void aDeadLetterNamesWhereItWasSentAndWhenNotTheMove() {
        var dlq = queue("jms.queue.DLQ.webstore.events", "jms.queue.DLQ.webstore.events", QueueKind.DEAD_LETTER);
        var message = Map.<String, Object>of(
                "messageId", "e1",
                "JMSType", "webstore.CustomerRegistered",
                "_AMQ_ORIG_ADDRESS", "jms.topic.webstore.events",
                "_AMQ_ORIG_QUEUE", "integration",
                "timestamp", SENT,
                "deadLetterOriginalTimestamp", String.valueOf(ORIGINALLY_SENT),
                "deadLetterDeliveryCount", 1);

        var step = LiveSteps.of(dlq, new Located(dlq.queue(), Place.WAITING, message));

        assertThat(step.outcome()).isEqualTo(Outcome.IN_DEAD_LETTER_QUEUE);
        assertThat(step.reason())
                .as("the broker moved it: no consumer's reason")
                .isEqualTo("MOVED_BY_BROKER");
        assertThat(step.sending().destination()).isEqualTo("webstore.events");
        assertThat(step.sending().subscription()).isEqualTo("integration");
        assertThat(step.sending().sentAt()).isEqualTo(Instant.ofEpochMilli(ORIGINALLY_SENT));
        assertThat(step.handling().deliveryCount()).isEqualTo(1);
        assertThat(step.where()).isEqualTo("DLQ.webstore.events");
    }

    @Test
    void anExpiredMessageHasNoDeadLetterReason() {
        var expiry = queue("jms.queue.ExpiryQueue", "jms.queue.ExpiryQueue", QueueKind.EXPIRY);

        var step = LiveSteps.of(
                expiry,
                new Located(
                        expiry.queue(),
                        Place.WAITING,
                        Map.of("deadLetterReason", "SCHEMA_VIOLATION", "_AMQ_ORIG_ADDRESS", "jms.queue.a")));

        assertThat(step.outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(step.reason()).isNull();
        assertThat(step.sending().destination()).isEqualTo("a");
    }

    @Test
    void aBrowsedMessageIsDescribedWithItsTypeAndTime() {
        var message = new BrowsedMessage(
                "ID:1",
                new Envelope("marketing.CreateCustomer", 1, "c1", "m1", Instant.ofEpochMilli(SENT)),
                new Origin(null, null),
                new Failure(Failure.SENT_DIRECTLY, null, null, null),
                "{}",
                Map.of("messageId", "m1"));
        var commands = queue("jms.queue.marketing.commands", "jms.queue.marketing.commands", QueueKind.QUEUE);

        var step = LiveSteps.of(commands, LiveSteps.located(commands.queue(), message));

        assertThat(step.message().type()).isEqualTo("marketing.CreateCustomer");
        assertThat(step.message().messageId()).isEqualTo("m1");
        assertThat(step.sending().sentAt()).isEqualTo(Instant.ofEpochMilli(SENT));
    }

    private static QueueSample queue(String queue, String address, QueueKind kind) {
        return new QueueSample(
                queue,
                address,
                kind,
                null,
                new Load(1, 0, 0, 1, 5L, false),
                new Counters(1, 0, 0, 0),
                new Seen("embedded", Map.of(), Instant.now()));
    }
}
