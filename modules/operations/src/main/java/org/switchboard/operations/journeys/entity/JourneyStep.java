package org.switchboard.operations.journeys.entity;

/**
 * One thing that happened to one message of a flow: a delivery that ended (outcome PROCESSED,
 * DUPLICATE or DEAD_LETTERED, from the consumer's journey note), or where the message is right now
 * (WAITING in a queue, IN_DELIVERY, RETRYING after a failed delivery, IN_DEAD_LETTER_QUEUE,
 * EXPIRED). In JSON one flat object ({@link org.switchboard.operations.FlatJson}).
 *
 * @param reason the dead-letter reason, for DEAD_LETTERED and IN_DEAD_LETTER_QUEUE
 * @param where the queue it is in now, by its JMS name; null for outcomes from notes
 */
public record JourneyStep(
        JourneyMessage message, Sending sending, Handling handling, Outcome outcome, String reason, String where) {

    /** A step that says where a message is now, rather than how a delivery ended. */
    public boolean live() {
        return where != null;
    }

    /** Which consumer's queue it is about: its subscription, or else its destination. */
    public String consumerQueue() {
        return sending.subscription() != null ? sending.subscription() : sending.destination();
    }
}
