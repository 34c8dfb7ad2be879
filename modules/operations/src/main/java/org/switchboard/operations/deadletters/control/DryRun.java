package org.switchboard.operations.deadletters.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import java.util.List;
import java.util.Optional;
import org.switchboard.messaging.MessageType;
import org.switchboard.messaging.schema.MessageSchemas;
import org.switchboard.messaging.schema.SchemaViolation;
import org.switchboard.operations.broker.control.QueueBrowser;
import org.switchboard.operations.broker.entity.BrowsedMessage;
import org.switchboard.operations.broker.entity.Failure;

/**
 * What would happen to each message of a request if it were approved, found before anyone decides:
 * is it still there, does it pass the current schema of its type (or would it be dead-lettered
 * again), where would it go. One line per message, stored with the request.
 */
@ApplicationScoped
public class DryRun {

    /** The dry run's finding about one message. */
    public enum Verdict {
        /** Not a JMS message id: there is nothing to look for. */
        NOT_A_MESSAGE_ID,
        /** No longer in the queue. */
        GONE,
        /** Its type and version have no current schema: its consumer would dead-letter it again. */
        NO_SCHEMA,
        /** It breaks the current schema of its type: its consumer would dead-letter it again. */
        INVALID,
        /** It passes the current schema of its type. */
        VALID
    }

    /** One message's verdict, and the line that explains it. */
    public record Finding(String messageId, Verdict verdict, String line) {}

    @Inject
    @JMSConnectionFactory("java:/jms/operations/JmsXA")
    JMSContext jms;

    /** The dry run of these messages of a dead-letter queue, one line per message. */
    public String of(String queue, List<String> messageIds) {
        var browser = new QueueBrowser(jms);
        var schemas = MessageSchemas.standard();
        return String.join(
                "\n",
                messageIds.stream()
                        .map(id -> judge(id, queue, browser.byId(queue, id), schemas)
                                .line())
                        .toList());
    }

    /** One message, as found in its queue (or not). */
    static Finding judge(String id, String queue, Optional<BrowsedMessage> found, MessageSchemas schemas) {
        if (!QueueBrowser.isMessageId(id)) {
            return new Finding(id, Verdict.NOT_A_MESSAGE_ID, id + ": not a JMS message id");
        }
        if (found.isEmpty()) {
            return new Finding(id, Verdict.GONE, id + ": not in " + queue);
        }
        var message = found.get();
        var envelope = message.envelope();
        var type = envelope.type() == null || envelope.schemaVersion() == null
                ? null
                : new MessageType(envelope.type(), envelope.schemaVersion());
        Verdict verdict;
        String schema;
        if (type == null || !schemas.knows(type)) {
            verdict = Verdict.NO_SCHEMA;
            schema = "no current schema for " + envelope.type() + " v" + envelope.schemaVersion()
                    + " (it would be dead-lettered again)";
        } else {
            var violations = violations(schemas, type, message.body());
            verdict = violations.isEmpty() ? Verdict.VALID : Verdict.INVALID;
            schema = violations.isEmpty()
                    ? "valid against the current schema of " + type
                    : "INVALID against the current schema of " + type + ": " + violations
                            + " (it would be dead-lettered again)";
        }
        return new Finding(
                id,
                verdict,
                id + ": back to " + message.origin().originalQueue() + "; " + schema + "; " + processed(message));
    }

    /**
     * Whether its consumer processed it before, as far as Operations can know. The consumer's
     * idempotency record would say, but it lives in the consumer's own schema, which Operations
     * never reads: so only a consumer's refusal, recorded on the message, is evidence; otherwise
     * it is unknown, and the line says what a replay does either way.
     */
    static String processed(BrowsedMessage message) {
        var messageId = message.envelope().messageId();
        var failure = message.failure();
        if (messageId == null) {
            return "processed before: unknown, and it has no messageId, so its consumer cannot tell a second"
                    + " delivery from the first";
        }
        if (!Failure.MOVED_BY_BROKER.equals(failure.reason()) && !Failure.SENT_DIRECTLY.equals(failure.reason())) {
            return "not processed by the delivery that refused it (" + failure.reason()
                    + (failure.deliveryCount() == null ? "" : ", delivery " + failure.deliveryCount())
                    + "): its consumer refused it unread; whether it processed another copy of " + messageId
                    + " only the consumer's idempotency record knows, which skips it if so";
        }
        return "processed before: unknown (no consumer gave a reason; the consumer's idempotency record, which"
                + " Operations cannot read, decides): if it was processed, its messageId " + messageId
                + " makes this delivery a harmless duplicate; if not, the replay processes it";
    }

    private static List<SchemaViolation> violations(MessageSchemas schemas, MessageType type, String body) {
        try {
            return schemas.validate(type, body);
        } catch (RuntimeException e) {
            return List.of(new SchemaViolation("(root)", "json", "the body is not JSON"));
        }
    }
}
