package org.switchboard.messaging;

/** A message that cannot be understood: not a text message, missing headers, or a body that does not parse. */
public class UnreadableMessageException extends RuntimeException {

    public UnreadableMessageException(String reason) {
        super(reason);
    }

    public UnreadableMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
