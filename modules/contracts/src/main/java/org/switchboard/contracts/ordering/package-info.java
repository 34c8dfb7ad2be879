/**
 * Ordering's own messages: {@code SagaTimeout}, the reminder its saga schedules for itself on
 * {@code ordering.replies}, and its events on topic {@code ordering.events}: {@code ReturnRequested},
 * which starts a return, and {@code OrderConfirmed} / {@code OrderCancelled}, how an order's saga
 * ended.
 */
package org.switchboard.contracts.ordering;
