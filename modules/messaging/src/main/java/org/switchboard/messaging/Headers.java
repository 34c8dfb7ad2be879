package org.switchboard.messaging;

/**
 * JMS properties every Switchboard message carries. The logical type travels in {@code JMSType}
 * (for example {@code webstore.CustomerRegistered}) and the correlation id is also copied to
 * {@code JMSCorrelationID}, so broker tools and selectors can use the standard headers.
 */
public final class Headers {

    /** The standard header that carries the logical type. */
    public static final String JMS_TYPE = "JMSType";

    /** The standard header that repeats the correlation id for selectors and broker tools. */
    public static final String JMS_CORRELATION_ID = "JMSCorrelationID";

    /** The standard header with the broker's id of a message ({@code ID:...}), as selectors name it. */
    public static final String JMS_MESSAGE_ID = "JMSMessageID";

    public static final String SCHEMA_VERSION = "schemaVersion";
    public static final String MESSAGE_ID = "messageId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    /** Set by the broker: how many times this message has been delivered, this delivery included. */
    public static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    /** Artemis' own property for {@code JMSType}: the name the type has in the broker's management listings. */
    public static final String CORE_JMS_TYPE = "_AMQ_TYPE";

    /** Set by Artemis when it moves a message to a dead-letter or expiry address. */
    public static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";

    public static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";

    /** Set by Artemis when it dead-letters a message: the broker's internal (numeric) id of the original. */
    public static final String ORIGINAL_MESSAGE_ID = "_AMQ_ORIG_MESSAGE_ID";

    /** Set by {@link DeadLetters}: the JMS message id ({@code ID:...}) the message had on its original destination. */
    public static final String DEAD_LETTER_ORIGINAL_MESSAGE_ID = "deadLetterOriginalMessageId";

    /** Set by {@link DeadLetters}: when the original was sent ({@code JMSTimestamp}, ms since the epoch). */
    public static final String DEAD_LETTER_ORIGINAL_TIMESTAMP = "deadLetterOriginalTimestamp";

    /** Why a consumer dead-lettered a message itself: an {@code UnreadableMessageException.Reason}. */
    public static final String DEAD_LETTER_REASON = "deadLetterReason";

    /** The consumer's explanation, one line, e.g. which field broke the schema. */
    public static final String DEAD_LETTER_DETAIL = "deadLetterDetail";

    /** Schema violations as a JSON array of {field, keyword, message}. */
    public static final String DEAD_LETTER_ERRORS = "deadLetterErrors";

    /** The consumer (MDB) that refused the message. */
    public static final String DEAD_LETTER_CONSUMER = "deadLetterConsumer";

    /** Which delivery the consumer refused: 1 when it was dead-lettered on its first attempt. */
    public static final String DEAD_LETTER_DELIVERY_COUNT = "deadLetterDeliveryCount";

    /** When the consumer refused it (ISO-8601, UTC). */
    public static final String DEAD_LETTER_AT = "deadLetterAt";

    private Headers() {}
}
