package org.switchboard.messaging;

/**
 * JMS properties every Switchboard message carries. The logical type travels in {@code JMSType}
 * (for example {@code webstore.CustomerRegistered}) and the correlation id is also copied to
 * {@code JMSCorrelationID}, so broker tools and selectors can use the standard headers.
 */
public final class Headers {

    public static final String SCHEMA_VERSION = "schemaVersion";
    public static final String MESSAGE_ID = "messageId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    /** Set by the broker: how many times this message has been delivered, this delivery included. */
    public static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    /** Set by Artemis when it moves a message to a dead-letter or expiry address. */
    public static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";

    public static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";

    private Headers() {}
}
