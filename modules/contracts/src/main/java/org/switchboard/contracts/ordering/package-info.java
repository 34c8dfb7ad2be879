/**
 * Ordering's own messages: {@code SagaTimeout}, the reminder its saga schedules for itself on
 * {@code ordering.replies}; its events on topic {@code ordering.events}: {@code ReturnRequested},
 * which starts a return, and {@code OrderConfirmed} / {@code OrderCancelled}, how an order's saga
 * ended; and {@code RedriveSaga}, Operations' four-eyes command to resend a stuck saga's pending
 * command or force its compensation, on queue {@code ordering.redrives}.
 */
package org.switchboard.contracts.ordering;
