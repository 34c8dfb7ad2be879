package org.switchboard.operations.foureyes.boundary;

import jakarta.ejb.ApplicationException;

/**
 * Someone tried to approve or reject their own request (403). The attempt is written to the audit
 * trail and stays there: this exception does not roll the transaction back.
 */
@ApplicationException(rollback = false)
public class FourEyesViolation extends InvalidDecision {

    public FourEyesViolation(String user) {
        super(user + " requested this and so cannot decide on it: a different approver must");
    }
}
