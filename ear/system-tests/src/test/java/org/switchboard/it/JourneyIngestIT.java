package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.contracts.operations.MessageHandled;
import org.switchboard.messaging.Headers;
import org.switchboard.messaging.JsonMessages;
import org.switchboard.operations.journeys.boundary.JourneyIngest;
import org.switchboard.operations.journeys.control.NoteBatches;

/**
 * Operations records journey notes in batches (one statement, one commit per batch), and neither an
 * unreadable note nor a database outage costs a note: the unreadable one is parked with its reason
 * while the rest of its batch is recorded, and a batch that meets an outage is kept and written
 * once the database is back, however many delivery attempts the outage outlasts.
 */
class JourneyIngestIT extends InContainerTest {

    @Resource(lookup = JourneyIngest.QUEUE)
    Queue notes;

    @Resource(lookup = "java:/jms/queue/DLQ.ops.journey")
    Queue deadLetters;

    @Test
    void aBurstOfNotesIsRecordedOnceEachAndARedeliveredNoteChangesNothing() throws Exception {
        var correlationId = UUID.randomUUID();
        var burst = new ArrayList<MessageHandled>();
        for (int i = 0; i < 300; i++) {
            burst.add(note(correlationId));
        }
        sendInOneTransaction(burst);
        await().atMost(Duration.ofSeconds(30)).until(() -> notesOfFlow(correlationId) == 300);

        // The same notes again, as a redelivery after a crash between the commit and the acknowledgement.
        sendInOneTransaction(burst.subList(0, 20));
        var marker = note(correlationId);
        sendInOneTransaction(List.of(marker));
        // One consumer takes the queue in order: when the marker is in, the copies were handled before it.
        await().atMost(Duration.ofSeconds(30)).until(() -> notesOfFlow(correlationId) == 301);
        assertThat(firstOf(deadLetters, correlationId))
                .as("the copies were absorbed, not refused and dead-lettered")
                .isNull();
    }

    @Test
    void anUnreadableNoteIsParkedWithItsReasonAndTheRestOfItsBatchIsRecorded() throws Exception {
        var correlationId = UUID.randomUUID();
        var good = note(correlationId);
        try (var jms = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED)) {
            var producer = jms.createProducer();
            producer.send(
                    notes,
                    InvalidMessagesIT.raw(
                            jms,
                            MessageHandled.TYPE,
                            MessageHandled.VERSION,
                            UUID.randomUUID(),
                            correlationId,
                            "{\"x\": "));
            producer.send(notes, JsonMessages.toTextMessage(jms, good));
            jms.commit();
        }

        try {
            var parked = await().atMost(Duration.ofSeconds(15))
                    .until(() -> firstOf(deadLetters, correlationId), message -> message != null);
            assertThat(parked.getStringProperty(Headers.DEAD_LETTER_REASON)).isEqualTo("MALFORMED_JSON");
            assertThat(parked.getStringProperty(Headers.DEAD_LETTER_CONSUMER)).isEqualTo("operations/JourneyIngest");
            assertThat(parked.getIntProperty(Headers.DEAD_LETTER_DELIVERY_COUNT))
                    .isEqualTo(1);
            assertThat(((TextMessage) parked).getText()).isEqualTo("{\"x\": ");
            await().atMost(Duration.ofSeconds(15)).until(() -> notesOfFlow(correlationId) == 1);
        } finally {
            drain(deadLetters, correlationId);
        }
    }

    @Test
    void aBatchThatMeetsAnOutageIsKeptWholeAndRecordedWhenTheDatabaseIsBack() throws Exception {
        var policy = Broker.redelivery("jms.queue.ops.journey");
        // More failed writes than the broker would ever redeliver a note: had a failure rolled the
        // batch back, the broker would have dead-lettered it.
        var outages = policy.maxAttempts() + 1;
        var correlationId = UUID.randomUUID();
        var fault = FaultInjection.armOutage(NoteBatches.FAULT_BEFORE_STORE, correlationId, outages);
        // A batch is what the consumer has at hand when it takes one, and notes committed together
        // may reach it a few at a time. So that the 20 are one batch, a first note is held by an
        // outage of its own until all 20 wait in the consumer's buffer, and then let go.
        var holderFlow = UUID.randomUUID();
        var holder = FaultInjection.armOutage(NoteBatches.FAULT_BEFORE_STORE, holderFlow, Integer.MAX_VALUE);
        try {
            sendInOneTransaction(List.of(note(holderFlow)));
            await().atMost(Duration.ofSeconds(15)).until(() -> !holder.passes().isEmpty());
            // Held: nothing is acknowledged until it is let go, so the count only grows.
            var held = Broker.deliveringCount("jms.queue.ops.journey");
            var batch = new ArrayList<MessageHandled>();
            for (int i = 0; i < 20; i++) {
                batch.add(note(correlationId));
            }
            var sent = Instant.now();
            sendInOneTransaction(batch);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> Broker.deliveringCount("jms.queue.ops.journey") >= held + 20);
            FaultInjection.disarm(holder);

            await().atMost(Duration.ofSeconds(60)).until(() -> notesOfFlow(correlationId) == 20);
            var passes = fault.passes();
            // Each attempt passes the point once per note until a pass fails: one pass for each
            // failed attempt, then one per note written.
            assertThat(passes)
                    .as("a pass for each failed write, then one per note")
                    .hasSize(outages + 20);
            assertThat(tables.count(
                            "select count(distinct recorded_at) from operations.journey_step where correlation_id = ?",
                            correlationId))
                    .as("written by one statement (one transaction's now()): the batch stayed whole")
                    .isEqualTo(1);
            assertThat(firstRecorded(correlationId))
                    .as("nothing of the batch was written before the outage ended")
                    .isAfterOrEqualTo(passes.get(outages - 1));
            assertThat(firstOf(deadLetters, correlationId))
                    .as("nothing dead-lettered")
                    .isNull();
            // 250 ms, then 500, 1,000, 2,000 ms...: the fourth wait against the first leaves a
            // second and a half of margin for a loaded machine.
            assertThat(Duration.between(passes.get(3), passes.get(4)))
                    .as("it waited between attempts, longer each time")
                    .isGreaterThan(
                            Duration.between(passes.get(0), passes.get(1)).plusMillis(500));
            assertThat(passes.get(0)).isAfterOrEqualTo(sent.minusSeconds(1));
        } finally {
            FaultInjection.disarm(holder);
            FaultInjection.disarm(fault);
        }
    }

    private void sendInOneTransaction(List<MessageHandled> batch) {
        try (var jms = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED)) {
            var producer = jms.createProducer();
            for (var note : batch) {
                producer.send(notes, JsonMessages.toTextMessage(jms, note));
            }
            jms.commit();
        }
    }

    private long notesOfFlow(UUID correlationId) {
        return tables.count("select count(*) from operations.journey_step where correlation_id = ?", correlationId);
    }

    private Instant firstRecorded(UUID correlationId) {
        return Instant.ofEpochMilli(tables.count(
                "select (extract(epoch from min(recorded_at)) * 1000)::bigint from operations.journey_step"
                        + " where correlation_id = ?",
                correlationId));
    }

    private static MessageHandled note(UUID correlationId) {
        return new MessageHandled(
                UUID.randomUUID(),
                Instant.now(),
                correlationId,
                UUID.randomUUID(),
                "marketing.CreateCustomer",
                1,
                UUID.randomUUID(),
                "marketing.commands",
                null,
                "marketing",
                "CreateCustomerListener",
                Instant.now(),
                1,
                MessageHandled.PROCESSED,
                null);
    }
}
