/**
 * Payments: owns each customer's account — a credit limit and what is authorised against it — and
 * decides whether an order's amount can be authorised. One authorisation per saga makes the saga's
 * commands idempotent: a repeated {@code AuthorisePayment} answers the first decision again, and
 * {@code RefundPayment} voids exactly what was authorised, once, even when it arrives first. An
 * account is opened with the configured default limit ({@code switchboard.payments.default-limit},
 * minor units) the first time a customer pays. It hears only commands on {@code payments.commands}
 * and answers on {@code ordering.replies} through its own outbox. In a return it refunds the
 * order's authorisation once per return when it hears {@code StockRestocked} (from its queue
 * {@code payments.returns}), or refuses (no authorisation, or the customer's refunds on hold), and
 * announces either on topic {@code payments.events}. The payment provider, an outside service over
 * HTTP, authorises, voids and refunds the money itself (control.PaymentProvider: MicroProfile Rest
 * Client with Fault Tolerance, an Idempotency-Key per saga and operation); Payments keeps the
 * customer's limit, and a provider that cannot answer makes the step wait (a deferred message),
 * never fail.
 */
package org.switchboard.payments;
