package org.switchboard.partners.boundary;

import jakarta.ejb.ApplicationException;

/** A request about webhooks refused as it stands (an endpoint that cannot work, an unknown state); the message says why. Nothing changed. */
@ApplicationException(rollback = true)
public class InvalidWebhookRequest extends RuntimeException {

    public InvalidWebhookRequest(String message) {
        super(message);
    }
}
