package org.switchboard.operations.broker.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureTest {

    @Test
    void aConsumersReasonIsTheReasonEvenAtTheFirstDelivery() {
        var refusedUnread = Map.<String, Object>of(
                "deadLetterReason", "SCHEMA_VIOLATION",
                "deadLetterDeliveryCount", 1,
                "_AMQ_ORIG_ADDRESS", "jms.queue.marketing.commands");

        assertThat(Failure.reasonOf(refusedUnread::get)).isEqualTo("SCHEMA_VIOLATION");
    }

    @Test
    void aMoveByTheBrokerIsNeverCalledRedeliveryExhausted() {
        var moved = Map.<String, Object>of(
                "_AMQ_ORIG_ADDRESS", "jms.queue.marketing.commands", "_AMQ_ORIG_QUEUE", "jms.queue.marketing.commands");

        assertThat(Failure.reasonOf(moved::get))
                .as("a console move and exhausted attempts look alike")
                .isEqualTo(Failure.MOVED_BY_BROKER)
                .isNotEqualTo("REDELIVERY_EXHAUSTED");
    }

    @Test
    void aMessageSentStraightToTheDeadLetterQueueWasNeverDelivered() {
        assertThat(Failure.reasonOf(Map.<String, Object>of("messageId", "m1")::get))
                .isEqualTo(Failure.SENT_DIRECTLY);
    }
}
