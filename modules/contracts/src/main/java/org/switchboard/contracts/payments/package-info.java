/**
 * Payments' commands on queue {@code payments.commands} ({@code AuthorisePayment}, {@code RefundPayment})
 * and its replies to the order saga on queue {@code ordering.replies}; its events of a return
 * ({@code ReturnRefunded}, {@code ReturnRefundFailed}) on topic {@code payments.events}; the payment
 * provider's notifications as Payments received them ({@code ProviderNotification}), to itself on queue
 * {@code payments.webhooks}.
 */
package org.switchboard.contracts.payments;
