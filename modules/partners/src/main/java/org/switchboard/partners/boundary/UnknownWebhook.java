package org.switchboard.partners.boundary;

import jakarta.ejb.ApplicationException;

/** No such endpoint or delivery. */
@ApplicationException(rollback = true)
public class UnknownWebhook extends RuntimeException {

    public UnknownWebhook(String message) {
        super(message);
    }
}
