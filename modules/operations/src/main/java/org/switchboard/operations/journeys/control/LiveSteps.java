package org.switchboard.operations.journeys.control;

import java.time.Instant;
import java.util.HashMap;
import org.switchboard.messaging.Destinations;
import org.switchboard.messaging.Headers;
import org.switchboard.operations.broker.entity.BrowsedMessage;
import org.switchboard.operations.broker.entity.Failure;
import org.switchboard.operations.broker.entity.Located;
import org.switchboard.operations.broker.entity.Place;
import org.switchboard.operations.broker.entity.QueueKind;
import org.switchboard.operations.broker.entity.QueueSample;
import org.switchboard.operations.journeys.entity.Handling;
import org.switchboard.operations.journeys.entity.JourneyMessage;
import org.switchboard.operations.journeys.entity.JourneyStep;
import org.switchboard.operations.journeys.entity.Outcome;
import org.switchboard.operations.journeys.entity.Sending;

/**
 * A message in a queue now, as a journey step. The queue's kind (from the address settings) says
 * what that means: waiting for a consumer, or parked in a dead-letter or expiry queue — where the
 * step names where the message was sent and when, not the queue it was moved to.
 */
public final class LiveSteps {

    /** In the broker's description of a message: when it was sent ({@code JMSTimestamp}). */
    static final String TIMESTAMP = "timestamp";

    private LiveSteps() {}

    /** A browsed message described as the broker's listings describe one, headers among the properties. */
    public static Located located(String queue, BrowsedMessage message) {
        var described = new HashMap<String, Object>(message.properties());
        described.put(Headers.JMS_TYPE, message.envelope().type());
        if (message.envelope().sentAt() != null) {
            described.put(TIMESTAMP, message.envelope().sentAt().toEpochMilli());
        }
        return new Located(queue, Place.WAITING, described);
    }

    public static JourneyStep of(QueueSample queue, Located located) {
        var message = located.message();
        var sent = number(message.get(TIMESTAMP));
        Outcome outcome;
        String reason = null;
        String destination;
        String subscription = null;
        if (queue.kind().parks()) {
            outcome = queue.kind() == QueueKind.EXPIRY ? Outcome.EXPIRED : Outcome.IN_DEAD_LETTER_QUEUE;
            if (outcome == Outcome.IN_DEAD_LETTER_QUEUE) {
                reason = Failure.reasonOf(message::get);
            }
            var original = string(message.get(Headers.ORIGINAL_ADDRESS));
            destination = original != null ? Destinations.jmsName(original) : null;
            if (original != null && original.startsWith("jms.topic.")) {
                subscription = string(message.get(Headers.ORIGINAL_QUEUE));
            }
            // A consumer's dead letter is a new send; the original time travels in a property.
            var originalSent = number(message.get(Headers.DEAD_LETTER_ORIGINAL_TIMESTAMP));
            if (originalSent != null) {
                sent = originalSent;
            }
        } else {
            outcome = switch (located.place()) {
                case WAITING -> Outcome.WAITING;
                case SCHEDULED -> Outcome.RETRYING;
                case DELIVERING -> Outcome.IN_DELIVERY;
            };
            destination = Destinations.jmsName(queue.address());
            if (queue.kind() == QueueKind.SUBSCRIPTION) {
                subscription = queue.queue();
            }
        }
        var type = string(message.get(Headers.JMS_TYPE));
        return new JourneyStep(
                new JourneyMessage(
                        string(message.get(Headers.MESSAGE_ID)),
                        type != null ? type : string(message.get(Headers.CORE_JMS_TYPE)),
                        message.get(Headers.SCHEMA_VERSION) instanceof Number n ? n.intValue() : null,
                        string(message.get(Headers.CAUSATION_ID))),
                new Sending(destination, subscription, sent != null && sent > 0 ? Instant.ofEpochMilli(sent) : null),
                Handling.none(
                        message.get(Headers.DEAD_LETTER_DELIVERY_COUNT) instanceof Number n ? n.intValue() : null),
                outcome,
                reason,
                Destinations.jmsName(queue.queue()));
    }

    private static Long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
