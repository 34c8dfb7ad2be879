/**
 * Ordering's own messages: {@code SagaTimeout}, the reminder its saga schedules for itself on
 * {@code ordering.replies}, and {@code ReturnRequested}, the event that starts a return, published
 * on topic {@code ordering.events}; and {@code RedriveSaga}, Operations' four-eyes command to resend
 * a stuck saga's pending command or force its compensation, on queue {@code ordering.redrives}.
 */
package org.switchboard.contracts.ordering;
