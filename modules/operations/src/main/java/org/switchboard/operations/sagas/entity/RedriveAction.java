package org.switchboard.operations.sagas.entity;

import org.switchboard.operations.foureyes.entity.AuditAction;

/** What an operator may ask for a stuck saga; Ordering decides whether it still makes sense. */
public enum RedriveAction {
    /** Send the pending step's command again (same saga id: the participant answers once). */
    RESEND_PENDING,
    /** Cancel the saga and compensate what it did, with the reason "Operator". */
    FORCE_COMPENSATION;

    public AuditAction requested() {
        return this == RESEND_PENDING ? AuditAction.REQUESTED_RESEND_PENDING : AuditAction.REQUESTED_FORCE_COMPENSATION;
    }
}
