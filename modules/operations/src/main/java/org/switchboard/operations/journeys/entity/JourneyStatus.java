package org.switchboard.operations.journeys.entity;

/** Where a flow stands. */
public enum JourneyStatus {
    /** Every message of the flow was handled, and none waits anywhere. */
    DONE,
    /** A message waits in a queue, for its redelivery, or is being delivered; or notes are pending. */
    IN_PROGRESS,
    /** A message sits in a dead-letter or expiry queue. */
    STUCK,
    /** A message was dead-lettered and is in no queue any more: deleted (see the audit trail). */
    ABANDONED,
    /** Nothing waits as far as was seen, but a queue was too deep to search in full. */
    UNCERTAIN
}
