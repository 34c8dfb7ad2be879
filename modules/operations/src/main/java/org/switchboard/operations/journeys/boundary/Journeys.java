package org.switchboard.operations.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.contracts.operations.MessageHandled;
import org.switchboard.messaging.BrokerAddresses;
import org.switchboard.messaging.Destinations;
import org.switchboard.operations.control.BrokerQueues;
import org.switchboard.operations.control.DeadLetterBrowser;
import org.switchboard.operations.control.JourneyJournal;

/**
 * "Where is my registration?": every message of one flow, from two sources that together cover
 * its life. The journey notes say how each delivery that committed ended (processed, duplicate,
 * dead-lettered by its consumer); the broker says which messages of the flow are in a queue right
 * now (waiting, being delivered, waiting for a redelivery, parked in a dead-letter or expiry queue).
 * What a source cannot see is said, not hidden: notes not yet recorded, and queues holding more
 * waiting messages than the broker scans per query.
 */
@Stateless
@PermitAll // the retention timer; reading names its roles
public class Journeys {

    private static final System.Logger LOG = System.getLogger(Journeys.class.getName());

    /** Days journey notes are kept. */
    public static final String RETENTION_DAYS = "switchboard.ops.journey-retention-days";

    static final String NOTES = "jms.queue.ops.journey";
    static final String FAILED_NOTES = "jms.queue.DLQ.ops.journey";

    static final String WAITING = "WAITING";
    static final String IN_DELIVERY = "IN_DELIVERY";
    static final String RETRYING = "RETRYING";
    static final String IN_DEAD_LETTER_QUEUE = "IN_DEAD_LETTER_QUEUE";
    static final String EXPIRED = "EXPIRED";

    @Inject
    JourneyJournal journal;

    @Inject
    QueueMonitor monitor;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    /** Messages of one flow shown per queue; a flow has a handful. */
    static final int MAX_PER_QUEUE = 100;

    /** Reads only: no transaction is held across the broker queries. */
    @RolesAllowed({"viewer", "operator", "approver"})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Journey> of(UUID correlationId) {
        var steps = new ArrayList<JourneyStep>();
        for (var step : journal.of(correlationId)) {
            steps.add(new JourneyStep(
                    step.messageId().toString(),
                    step.type(),
                    step.schemaVersion(),
                    step.causedBy() != null ? step.causedBy().toString() : null,
                    step.destination(),
                    step.subscription(),
                    step.context(),
                    step.consumer(),
                    step.sentAt(),
                    step.handledAt(),
                    step.deliveryCount(),
                    step.outcome(),
                    step.reason(),
                    null));
        }
        var broker = monitor.broker();
        var live = new ArrayList<JourneyStep>();
        var notesPending = 0;
        var partlySearched = new ArrayList<String>();
        for (var queue : monitor.now()) {
            if (queue.depth() == 0 || FAILED_NOTES.equals(queue.address())) {
                continue;
            }
            if (NOTES.equals(queue.address())) {
                notesPending += broker.find(queue.queue(), correlationId, true, false, true)
                        .size();
                continue;
            }
            var waiting = queue.depth() - queue.inFlight() - queue.scheduled();
            // A JMS queue is browsed with a selector, which the broker applies to the whole queue,
            // paged messages included; a subscription can only be listed through its MBean, which
            // scans a limited number of messages.
            var browsed = waiting > 0 ? browse(queue, correlationId) : null;
            if (browsed != null) {
                browsed.forEach(located -> live.add(live(queue, located)));
            } else if (waiting > BrokerAddresses.browsePageSize(queue.address())) {
                partlySearched.add(Destinations.jmsName(queue.queue()) + " (" + waiting + " waiting)");
            }
            for (var located : broker.find(
                    queue.queue(),
                    correlationId,
                    waiting > 0 && browsed == null,
                    queue.scheduled() > 0,
                    queue.inFlight() > 0)) {
                live.add(live(queue, located));
            }
        }
        live.sort(Comparator.comparing(JourneyStep::sentAt, Comparator.nullsLast(Comparator.naturalOrder())));
        steps.addAll(live);
        if (steps.isEmpty() && notesPending == 0 && partlySearched.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(summarize(correlationId, steps, notesPending, partlySearched));
    }

    /** The flow's waiting messages in a JMS queue, or null when the queue cannot be browsed. */
    private List<BrokerQueues.Located> browse(QueueStatus queue, UUID correlationId) {
        if (queue.kind() == QueueStatus.Kind.SUBSCRIPTION) {
            return null;
        }
        try {
            var found = new ArrayList<BrokerQueues.Located>();
            for (var message : new DeadLetterBrowser(jms)
                    .browse(queue.queue(), "correlationId = '" + correlationId + "'", MAX_PER_QUEUE)) {
                var described = new java.util.HashMap<String, Object>(message.properties());
                described.put("JMSType", message.type());
                if (message.sentAt() != null) {
                    described.put("timestamp", message.sentAt().toEpochMilli());
                }
                found.add(new BrokerQueues.Located(queue.queue(), BrokerQueues.Place.WAITING, described));
            }
            return found;
        } catch (RuntimeException e) {
            // No JNDI name (an auto-created queue): fall back to the MBean.
            return null;
        }
    }

    /** Forgets journey notes older than the retention (14 days unless configured). */
    @Schedule(hour = "*", minute = "17", persistent = false)
    public void forgetOldNotes() {
        var days = Integer.getInteger(RETENTION_DAYS, 14);
        var forgotten = journal.forgetBefore(Instant.now().minus(Duration.ofDays(days)));
        if (forgotten > 0) {
            LOG.log(System.Logger.Level.INFO, "Forgot {0} journey notes older than {1} days", forgotten, days);
        }
    }

    static Journey summarize(
            UUID correlationId, List<JourneyStep> steps, int notesPending, List<String> partlySearched) {
        // The latest state of each message at each consumer's queue: where it is now if it is
        // anywhere, else its last delivery there.
        var latest = new LinkedHashMap<String, JourneyStep>();
        for (var step : steps) {
            var key = step.messageId() + "|" + (step.subscription() != null ? step.subscription() : step.destination());
            var before = latest.get(key);
            if (before == null || step.live() || !before.live()) {
                latest.put(key, step);
            }
        }
        var summary = new ArrayList<String>();
        for (Map.Entry<String, JourneyStep> entry : latest.entrySet()) {
            summary.add(describe(entry.getValue()));
        }
        if (notesPending > 0) {
            summary.add(notesPending + " journey note(s) of this flow not recorded yet (queue ops.journey)");
        }
        for (var queue : partlySearched) {
            summary.add("Queue " + queue + " holds more messages than one search scans; a message of this flow"
                    + " may wait there unseen");
        }
        return new Journey(
                correlationId,
                status(steps, latest.values(), notesPending, partlySearched),
                List.copyOf(summary),
                List.copyOf(steps),
                notesPending,
                List.copyOf(partlySearched));
    }

    private static Journey.Status status(
            List<JourneyStep> steps,
            java.util.Collection<JourneyStep> latest,
            int notesPending,
            List<String> partlySearched) {
        if (steps.stream()
                .anyMatch(s -> s.live() && (IN_DEAD_LETTER_QUEUE.equals(s.outcome()) || EXPIRED.equals(s.outcome())))) {
            return Journey.Status.STUCK;
        }
        if (notesPending > 0 || steps.stream().anyMatch(JourneyStep::live)) {
            return Journey.Status.IN_PROGRESS;
        }
        if (latest.stream().anyMatch(s -> MessageHandled.DEAD_LETTERED.equals(s.outcome()))) {
            return Journey.Status.ABANDONED;
        }
        return partlySearched.isEmpty() ? Journey.Status.DONE : Journey.Status.UNCERTAIN;
    }

    private static String describe(JourneyStep step) {
        var what = (step.type() != null ? step.type() : "a message without type") + " " + step.messageId();
        var by = step.context() + "/" + step.consumer();
        return switch (step.outcome()) {
            case MessageHandled.PROCESSED ->
                what + ": processed by " + by + " at " + step.handledAt() + " (delivery " + step.deliveryCount() + ")";
            case MessageHandled.DUPLICATE -> what + ": a duplicate, ignored by " + by + " at " + step.handledAt();
            case MessageHandled.DEAD_LETTERED ->
                what + ": dead-lettered by " + by + " (" + step.reason() + ") at " + step.handledAt()
                        + ", and in no queue now (deleted, or replayed and not yet handled again)";
            case WAITING -> what + ": waiting in " + step.where() + " since " + step.sentAt();
            case IN_DELIVERY -> what + ": being delivered from " + step.where();
            case RETRYING -> what + ": failed, waiting in " + step.where() + " for its next delivery";
            case IN_DEAD_LETTER_QUEUE ->
                what + ": in dead-letter queue " + step.where() + " (" + step.reason()
                        + "); an operator can request a replay";
            case EXPIRED -> what + ": expired, in " + step.where();
            default -> what + ": " + step.outcome();
        };
    }

    /** A message in a queue now; the queue's kind (from the address settings) says what that means. */
    private static JourneyStep live(QueueStatus queue, BrokerQueues.Located located) {
        var message = located.message();
        var where = Destinations.jmsName(queue.queue());
        var parked = queue.kind() == QueueStatus.Kind.DEAD_LETTER || queue.kind() == QueueStatus.Kind.EXPIRY;
        String outcome;
        String reason = null;
        String destination;
        String subscription = null;
        Long sent = number(message.get("timestamp"));
        if (parked) {
            outcome = queue.kind() == QueueStatus.Kind.EXPIRY ? EXPIRED : IN_DEAD_LETTER_QUEUE;
            if (outcome.equals(IN_DEAD_LETTER_QUEUE)) {
                var given = string(message.get("deadLetterReason"));
                reason = given != null ? given : "REDELIVERY_EXHAUSTED";
            }
            var original = string(message.get("_AMQ_ORIG_ADDRESS"));
            destination = original != null ? Destinations.jmsName(original) : null;
            if (original != null && original.startsWith("jms.topic.")) {
                subscription = string(message.get("_AMQ_ORIG_QUEUE"));
            }
            // A consumer's dead letter is a new send; the original time travels in a property.
            var originalSent = number(message.get("deadLetterOriginalTimestamp"));
            if (originalSent != null) {
                sent = originalSent;
            }
        } else {
            outcome = switch (located.place()) {
                case WAITING -> WAITING;
                case SCHEDULED -> RETRYING;
                case DELIVERING -> IN_DELIVERY;
            };
            destination = Destinations.jmsName(queue.address());
            if (queue.kind() == QueueStatus.Kind.SUBSCRIPTION) {
                subscription = queue.queue();
            }
        }
        var type = string(message.get("JMSType"));
        return new JourneyStep(
                string(message.get("messageId")),
                type != null ? type : string(message.get("_AMQ_TYPE")),
                message.get("schemaVersion") instanceof Number n ? n.intValue() : null,
                string(message.get("causationId")),
                destination,
                subscription,
                null,
                null,
                sent != null && sent > 0 ? Instant.ofEpochMilli(sent) : null,
                null,
                message.get("deadLetterDeliveryCount") instanceof Number n ? n.intValue() : null,
                outcome,
                reason,
                where);
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
