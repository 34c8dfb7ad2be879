package org.switchboard.operations.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.switchboard.contracts.operations.MessageHandled;
import org.switchboard.operations.control.BrokerQueues;
import org.switchboard.operations.control.JourneyJournal;

/**
 * "Where is my registration?": every message of one flow, from two sources that together cover
 * its whole life. The journey notes say how each delivery that committed ended (processed,
 * duplicate, dead-lettered by its consumer); the broker says which messages of the flow are in a
 * queue right now (waiting, retrying after a failure, parked in a dead-letter or expiry queue).
 * A message that is neither handled nor in a queue is being delivered at this instant.
 */
@Stateless
@PermitAll // the retention timer; reading names its roles
public class Journeys {

    private static final System.Logger LOG = System.getLogger(Journeys.class.getName());

    /** Days journey notes are kept. */
    public static final String RETENTION_DAYS = "switchboard.ops.journey-retention-days";

    /** The notes themselves (and notes that failed) are not part of any business flow. */
    static final Set<String> NOT_SEARCHED = Set.of("jms.queue.ops.journey", "jms.queue.DLQ.ops.journey");

    static final String WAITING = "WAITING";
    static final String RETRYING = "RETRYING";
    static final String IN_DEAD_LETTER_QUEUE = "IN_DEAD_LETTER_QUEUE";
    static final String EXPIRED = "EXPIRED";

    @Inject
    JourneyJournal journal;

    @RolesAllowed({"viewer", "operator", "approver"})
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
        var live = new ArrayList<JourneyStep>();
        for (var located : new BrokerQueues().find(correlationId, NOT_SEARCHED)) {
            live.add(live(located));
        }
        live.sort(Comparator.comparing(JourneyStep::sentAt, Comparator.nullsLast(Comparator.naturalOrder())));
        steps.addAll(live);
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(summarize(correlationId, steps));
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

    static Journey summarize(UUID correlationId, List<JourneyStep> steps) {
        // The latest state of each message: where it is now if it is anywhere, else its last delivery.
        var latest = new LinkedHashMap<String, JourneyStep>();
        for (var step : steps) {
            var key = step.messageId() != null ? step.messageId() : "?" + latest.size();
            var before = latest.get(key);
            if (before == null || step.live() || !before.live()) {
                latest.put(key, step);
            }
        }
        var status = Journey.Status.DONE;
        var summary = new ArrayList<String>();
        for (Map.Entry<String, JourneyStep> entry : latest.entrySet()) {
            var step = entry.getValue();
            switch (step.outcome()) {
                case IN_DEAD_LETTER_QUEUE, EXPIRED -> status = Journey.Status.STUCK;
                case WAITING, RETRYING -> {
                    if (status == Journey.Status.DONE) {
                        status = Journey.Status.IN_PROGRESS;
                    }
                }
                default -> {}
            }
            summary.add(describe(step));
        }
        return new Journey(correlationId, status, List.copyOf(summary), List.copyOf(steps));
    }

    private static String describe(JourneyStep step) {
        var what = (step.type() != null ? step.type() : "a message without type") + " " + step.messageId();
        return switch (step.outcome()) {
            case MessageHandled.PROCESSED ->
                what + ": processed by " + step.context() + "/" + step.consumer() + " at " + step.handledAt()
                        + " (delivery " + step.deliveryCount() + ")";
            case MessageHandled.DUPLICATE ->
                what + ": a duplicate, ignored by " + step.context() + "/" + step.consumer() + " at "
                        + step.handledAt();
            case MessageHandled.DEAD_LETTERED ->
                what + ": dead-lettered by " + step.context() + "/"
                        + step.consumer() + " (" + step.reason() + ") at " + step.handledAt()
                        + ", no longer in its dead-letter queue (replayed or deleted)";
            case WAITING -> what + ": waiting in " + step.where() + " since " + step.sentAt();
            case RETRYING -> what + ": failed, waiting in " + step.where() + " for its next delivery";
            case IN_DEAD_LETTER_QUEUE ->
                what + ": in dead-letter queue " + step.where() + " (" + step.reason()
                        + "); an operator can request a replay";
            case EXPIRED -> what + ": expired, in " + step.where();
            default -> what + ": " + step.outcome();
        };
    }

    private static JourneyStep live(BrokerQueues.Located located) {
        var message = located.message();
        var originalAddress = string(message.get("_AMQ_ORIG_ADDRESS"));
        var moved = originalAddress != null;
        var where = jmsName(located.queue());
        String outcome;
        String reason = null;
        if (moved && "ExpiryQueue".equals(where)) {
            outcome = EXPIRED;
        } else if (moved || where.startsWith("DLQ.")) {
            outcome = IN_DEAD_LETTER_QUEUE;
            var given = string(message.get("deadLetterReason"));
            reason = given != null ? given : "REDELIVERY_EXHAUSTED";
        } else {
            outcome = located.scheduled() ? RETRYING : WAITING;
        }
        var address = moved ? originalAddress : located.address();
        String subscription = null;
        if (address.startsWith("jms.topic.")) {
            var originalQueue = string(message.get("_AMQ_ORIG_QUEUE"));
            subscription = moved ? originalQueue : located.queue();
        }
        var type = string(message.get("JMSType"));
        var timestamp = message.get("timestamp") instanceof Number n && n.longValue() > 0 ? n.longValue() : null;
        var deliveryCount = message.get("deadLetterDeliveryCount") instanceof Number n ? n.intValue() : null;
        return new JourneyStep(
                string(message.get("messageId")),
                type != null ? type : string(message.get("_AMQ_TYPE")),
                message.get("schemaVersion") instanceof Number n ? n.intValue() : null,
                string(message.get("causationId")),
                jmsName(address),
                subscription,
                null,
                null,
                timestamp != null ? Instant.ofEpochMilli(timestamp) : null,
                null,
                deliveryCount,
                outcome,
                reason,
                where);
    }

    private static String jmsName(String core) {
        if (core.startsWith("jms.queue.")) {
            return core.substring("jms.queue.".length());
        }
        if (core.startsWith("jms.topic.")) {
            return core.substring("jms.topic.".length());
        }
        return core;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
