/**
 * Payments' commands on queue {@code payments.commands} ({@code AuthorisePayment}, {@code RefundPayment})
 * and its replies to the order saga on queue {@code ordering.replies}.
 */
package org.switchboard.contracts.payments;
