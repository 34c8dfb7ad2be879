/** Ordering's own messages: {@code SagaTimeout}, the reminder its saga schedules for itself on {@code ordering.replies}. */
package org.switchboard.contracts.ordering;
