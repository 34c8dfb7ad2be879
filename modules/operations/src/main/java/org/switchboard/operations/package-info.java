/**
 * Operations: the messaging system seen from the inside, for the people who run it. It reads the
 * embedded Artemis broker's MBeans — depth, in-flight, scheduled, consumers, counters, the age of
 * the oldest message, which queues are dead-letter queues — samples them on a timer, and raises an
 * alert when a dead-letter queue stops being empty. It owns no business data, reads no context's
 * tables and uses no context's classes; it knows only the broker and the message headers of
 * {@code org.switchboard.messaging}.
 */
package org.switchboard.operations;
