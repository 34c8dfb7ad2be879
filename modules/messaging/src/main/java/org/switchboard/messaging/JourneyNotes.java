package org.switchboard.messaging;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.time.Instant;
import java.util.UUID;
import org.switchboard.contracts.operations.MessageHandled;
import org.switchboard.ids.Ids;

/**
 * Builds and sends the {@link MessageHandled} note that {@link ConsumerInterceptor} records for
 * every committed delivery, so Operations can show where every message of a flow went without
 * reading any context's tables. The note never carries the body.
 *
 * <p>A message without readable ids belongs to no flow and gets no note; a note that would break
 * its own contract (a name longer than it allows) is skipped with an ERROR log line. Either is a gap
 * in one journey, never a failed delivery. A failing <em>send</em> of a note is not swallowed: a
 * broker that cannot take a note cannot take the business messages of the transaction either.
 */
final class JourneyNotes {

    private static final System.Logger LOG = System.getLogger(JourneyNotes.class.getName());

    private JourneyNotes() {}

    /** What the note needs from the delivered message, as it arrived. */
    record Delivered(UUID messageId, UUID correlationId, UUID causationId, Typed type, Origin origin) {

        /** The message's logical type and schema version, as its headers said. */
        record Typed(String name, Integer schemaVersion) {}

        /** Where and when it was sent, and which delivery this is. */
        record Origin(String destination, Instant sentAt, int deliveryCount) {}

        /**
         * Null when the message has no readable ids: it belongs to no flow. Read before the bean
         * runs: moving a message to its dead-letter queue re-sends the very same Message object, and
         * sending overwrites its destination, timestamp and id.
         */
        static Delivered of(Message message) throws JMSException {
            var messageId = uuid(message.getObjectProperty(Headers.MESSAGE_ID));
            var correlationId = uuid(message.getObjectProperty(Headers.CORRELATION_ID));
            if (messageId == null || correlationId == null) {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "No journey note for {0}: it has no readable message and correlation ids",
                        message.getJMSMessageID());
                return null;
            }
            var version = message.getObjectProperty(Headers.SCHEMA_VERSION);
            var deliveryCount =
                    message.propertyExists(Headers.DELIVERY_COUNT) ? message.getIntProperty(Headers.DELIVERY_COUNT) : 1;
            return new Delivered(
                    messageId,
                    correlationId,
                    uuid(message.getObjectProperty(Headers.CAUSATION_ID)),
                    new Typed(message.getJMSType(), version instanceof Integer v ? v : null),
                    new Origin(
                            Destinations.name(message.getJMSDestination()),
                            message.getJMSTimestamp() > 0 ? Instant.ofEpochMilli(message.getJMSTimestamp()) : null,
                            Math.max(1, deliveryCount)));
        }
    }

    /** Sends the note for this delivery on {@code jms}, which must be enlisted in the delivery's transaction. */
    static void send(JMSContext jms, Queue journey, Delivered delivered, Consumer consumer, JourneyMark.Mark mark) {
        var note = note(delivered, consumer, mark);
        if (note != null) {
            jms.createProducer().send(journey, JsonMessages.toTextMessage(jms, note));
        }
    }

    /** The note, validated against its contract, or null (logged at ERROR) when it cannot be built. */
    static JsonMessages.Envelope note(Delivered delivered, Consumer consumer, JourneyMark.Mark mark) {
        var note = new MessageHandled(
                Ids.next(),
                Instant.now(),
                delivered.correlationId(),
                delivered.messageId(),
                delivered.type().name(),
                delivered.type().schemaVersion(),
                delivered.causationId(),
                delivered.origin().destination(),
                consumer.subscription(),
                consumer.context(),
                consumer.bean(),
                delivered.origin().sentAt(),
                delivered.origin().deliveryCount(),
                mark != null ? mark.outcome() : MessageHandled.PROCESSED,
                mark != null ? mark.reason() : null);
        try {
            return JsonMessages.envelope(note);
        } catch (ContractViolationException e) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "No journey note for message {0} of flow {1}: the note breaks its contract: {2}",
                    delivered.messageId(),
                    delivered.correlationId(),
                    e.getMessage());
            return null;
        }
    }

    private static UUID uuid(Object value) {
        if (value instanceof String text) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
