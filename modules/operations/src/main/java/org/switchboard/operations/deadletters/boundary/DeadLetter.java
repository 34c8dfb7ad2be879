package org.switchboard.operations.deadletters.boundary;

import org.switchboard.operations.broker.entity.BrowsedMessage;

/**
 * A message in a dead-letter queue, as triage shows it: where it came from, why it is here, the
 * flow it belongs to, and its body — with personal data masked unless revealed. In JSON one flat
 * object ({@link org.switchboard.operations.FlatJson}): the message's id, envelope, origin and failure fields, its body and properties (its
 * history: original address and queue, delivery count, ids, the consumer's detail and schema
 * errors), the queue, and whether the body is masked.
 *
 * @param queue the dead-letter queue it is in
 * @param message the message, its body masked when {@code masked}
 */
public record DeadLetter(String queue, BrowsedMessage message, boolean masked) {

    /** Its JMS message id in the dead-letter queue: what a request names it by. */
    public String id() {
        return message.id();
    }
}
