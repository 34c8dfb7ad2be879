package org.switchboard.operations.monitoring.entity;

/** What an alert says about its incident. */
public enum AlertType {
    /** A dead-letter queue stopped being empty. */
    OPENED,
    /** It is still not empty, a while after the last alert. */
    REMINDER,
    /** It is empty again. */
    RESOLVED,
    /** Something happened that needs a look, once: nothing stays open to be resolved. */
    NOTICE
}
