/**
 * Ordering: owns orders and the saga that carries each one out — reserve stock (Inventory),
 * authorise payment (Payments), arrange shipment (Shipping), confirm — and decides what a reply, a
 * failure or a missed deadline means for the order. It orchestrates: the saga's state lives here
 * ({@code ordering.saga}, optimistic locking on its version), every command and reply carries the
 * saga's id, and each step commits the saga's new state, its commands and its timeout (a
 * {@code SagaTimeout} scheduled with a delivery delay) in one local transaction through Ordering's
 * outbox. A failure compensates the completed steps in reverse order (release stock, void the
 * payment). It knows customers only from the Web Store's {@code CustomerRegistered} events (its own
 * copy in {@code ordering.customer}), never from the Web Store's tables. How a saga ended is
 * announced on topic {@code ordering.events} ({@code OrderConfirmed} or {@code OrderCancelled}, in
 * the transaction that ends it, through the outbox). A confirmed order can be
 * returned once; the return is choreographed, not orchestrated: Ordering announces
 * {@code ReturnRequested} on topic {@code ordering.events} and ends the return when it hears how
 * Payments' refund went (from its queue {@code ordering.returns}). Operations sees the sagas through
 * the read-only {@code Sagas} boundary (states, deadlines, history, the definition drawn from the
 * code) and re-drives a stuck one only by a message: an approved {@code RedriveSaga} on queue
 * {@code ordering.redrives}, which Ordering applies once and only to a saga that still waits.
 */
package org.switchboard.ordering;
