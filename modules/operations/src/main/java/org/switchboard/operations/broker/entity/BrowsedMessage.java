package org.switchboard.operations.broker.entity;

import java.util.Map;

/**
 * A message read raw from a queue, without taking it: nothing here went through a schema check.
 * A live message has an empty {@link Origin} and the reason {@link Failure#SENT_DIRECTLY}, which
 * mean nothing for it.
 *
 * @param id the JMS message id in the queue it was read from
 * @param body its text, or a note of what it is when it is not text
 * @param properties every JMS property it carries (a dead letter's history: original address and
 *     queue, delivery count, ids, the consumer's detail and schema errors)
 */
public record BrowsedMessage(
        String id, Envelope envelope, Origin origin, Failure failure, String body, Map<String, Object> properties) {

    /** The same message with another body, e.g. one with personal data masked. */
    public BrowsedMessage withBody(String other) {
        return new BrowsedMessage(id, envelope, origin, failure, other, properties);
    }
}
