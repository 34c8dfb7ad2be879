package org.switchboard.operations.foureyes.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * A request one person makes and a different person with the approver role decides on: a
 * dead-letter replay or deletion, a saga re-drive. Nobody decides on their own request, and a
 * request is decided once.
 */
public interface FourEyesRequest {

    UUID id();

    String requestedBy();

    /** The queue the request is about (dead letters) or sends to (a re-drive). */
    String queue();

    /** Where the request stands, by the name of its kind's status. */
    Enum<?> status();

    /** Still waiting for a decision. */
    boolean pending();

    /** Records the decision; only a pending request, only by someone else. */
    void decide(String approver, boolean approve, String why, Instant now);

    /** The rule every kind of request keeps when it is decided on. */
    default void mayBeDecidedBy(String approver) {
        if (!pending()) {
            throw new IllegalStateException("Request " + id() + " is " + status() + ", not PENDING");
        }
        if (approver.equals(requestedBy())) {
            throw new IllegalStateException(approver + " requested this and so cannot decide on it");
        }
    }
}
