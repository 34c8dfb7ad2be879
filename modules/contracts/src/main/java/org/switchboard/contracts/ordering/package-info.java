/**
 * Ordering's own messages: {@code SagaTimeout}, the reminder its saga schedules for itself on
 * {@code ordering.replies}, and {@code ReturnRequested}, the event that starts a return, published
 * on topic {@code ordering.events}.
 */
package org.switchboard.contracts.ordering;
