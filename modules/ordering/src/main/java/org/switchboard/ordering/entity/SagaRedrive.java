package org.switchboard.ordering.entity;

/**
 * What an operator may ask of a stuck saga, once an approver approved it (four eyes, in
 * Operations): resend the pending step's command, or give up and compensate.
 */
public enum SagaRedrive {
    /** Send the pending step's command again, as a new attempt with a new deadline. */
    RESEND_PENDING,
    /** Cancel the saga as a last timeout would, compensating what it did, with the reason "Operator". */
    FORCE_COMPENSATION
}
