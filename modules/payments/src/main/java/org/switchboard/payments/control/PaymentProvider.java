package org.switchboard.payments.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.switchboard.messaging.DependencyUnavailableException;
import org.switchboard.payments.control.PaymentProviderApi.PaymentRequest;
import org.switchboard.payments.control.PaymentProviderApi.ProviderPayment;
import org.switchboard.payments.control.PaymentProviderApi.RefundRequest;
import org.switchboard.payments.control.ProviderErrors.ProviderFailure;
import org.switchboard.payments.control.ProviderErrors.ProviderRefusal;

/**
 * The payment provider behind MicroProfile Fault Tolerance. Each call has a deadline
 * ({@code @Timeout}), is retried a few times with exponential backoff and jitter when the provider
 * failed or did not answer in time, has its own circuit breaker (a provider that keeps failing is
 * not called for a while; calls fail at once) and a bulkhead (a slow provider holds at most a few of
 * Payments' threads). Retrying is safe only because every call is idempotent at the provider: it
 * carries an {@code Idempotency-Key} derived from the saga and the operation, so a retry after a
 * timeout in which the provider did charge is recognised there and charges nothing more. A refusal
 * (4xx) is never retried and says nothing about the provider's health; nor does a full bulkhead
 * (our own load), so neither opens the circuit.
 *
 * <p>The fallback never loses a payment: it throws {@link DependencyUnavailableException}, which
 * rolls back the message's local transaction and defers the message (a delayed copy on its own
 * queue, no thread sleeping); the step is tried again later with the same key. Every setting can be
 * changed through MicroProfile Config in Fault Tolerance's own form, e.g.
 * {@code org.switchboard.payments.control.PaymentProvider/authorise/Timeout/value=1000}; the
 * client's socket timeout follows {@code switchboard.payments.provider-read-timeout} (ms), a
 * backstop a little above the deadline.
 */
@ApplicationScoped
public class PaymentProvider {

    private static final System.Logger LOG = System.getLogger(PaymentProvider.class.getName());

    /** The circuit breakers' names, one per operation. */
    public static final String AUTHORISE = "payment-provider.authorise";

    public static final String REFUND = "payment-provider.refund";

    @Inject
    @ConfigProperty(name = "switchboard.payments.provider-url", defaultValue = "http://127.0.0.1:8091")
    String url;

    @Inject
    @ConfigProperty(name = "switchboard.payments.provider-read-timeout", defaultValue = "2500")
    long readTimeoutMillis;

    @Inject
    ProviderCalls calls;

    private PaymentProviderApi api;

    @PostConstruct
    void connect() {
        api = RestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(1, TimeUnit.SECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .build(PaymentProviderApi.class);
        LOG.log(System.Logger.Level.INFO, "Payment provider at {0}", url);
    }

    /** Asks the provider to authorise the saga's amount; the answer may be PENDING (settled later). */
    @Timeout(2000)
    @Retry(
            maxRetries = 2,
            delay = 200,
            jitter = 100,
            retryOn = {ProcessingException.class, ProviderFailure.class, TimeoutException.class},
            abortOn = ProviderRefusal.class)
    @io.smallrye.faulttolerance.api.ExponentialBackoff(factor = 2, maxDelay = 2000)
    @CircuitBreaker(
            requestVolumeThreshold = 4,
            failureRatio = 0.5,
            delay = 5000,
            successThreshold = 1,
            skipOn = {ProviderRefusal.class, BulkheadException.class})
    @io.smallrye.faulttolerance.api.CircuitBreakerName(AUTHORISE)
    @Bulkhead(6)
    @Fallback(fallbackMethod = "authoriseLater", skipOn = ProviderRefusal.class)
    public ProviderPayment authorise(UUID sagaId, long amount, String currency) {
        try {
            var payment =
                    api.authorise(key("authorise", sagaId), new PaymentRequest(sagaId.toString(), amount, currency));
            calls.answered(ProviderCalls.Operation.AUTHORISE, payment.status());
            return payment;
        } catch (ProviderRefusal refused) {
            calls.refused(ProviderCalls.Operation.AUTHORISE);
            throw refused;
        }
    }

    /**
     * Gives back whatever the provider holds for the saga: voids an authorisation, refunds a
     * capture, and cancels an unknown one so that an authorisation arriving after it charges
     * nothing. {@code key} tells one cause of giving back from another (a saga's void, a return).
     */
    @Timeout(2000)
    @Retry(
            maxRetries = 2,
            delay = 200,
            jitter = 100,
            retryOn = {ProcessingException.class, ProviderFailure.class, TimeoutException.class},
            abortOn = ProviderRefusal.class)
    @io.smallrye.faulttolerance.api.ExponentialBackoff(factor = 2, maxDelay = 2000)
    @CircuitBreaker(
            requestVolumeThreshold = 4,
            failureRatio = 0.5,
            delay = 5000,
            successThreshold = 1,
            skipOn = {ProviderRefusal.class, BulkheadException.class})
    @io.smallrye.faulttolerance.api.CircuitBreakerName(REFUND)
    @Bulkhead(4)
    @Fallback(fallbackMethod = "refundLater", skipOn = ProviderRefusal.class)
    public ProviderPayment refund(UUID sagaId, String key, String reason) {
        try {
            var payment = api.refund(key, sagaId.toString(), new RefundRequest(reason));
            calls.answered(ProviderCalls.Operation.REFUND, payment.status());
            return payment;
        } catch (ProviderRefusal refused) {
            calls.refused(ProviderCalls.Operation.REFUND);
            throw refused;
        }
    }

    ProviderPayment authoriseLater(UUID sagaId, long amount, String currency) {
        calls.unavailable(ProviderCalls.Operation.AUTHORISE);
        throw new DependencyUnavailableException(
                "Payment provider unavailable: authorisation of saga " + sagaId + " deferred");
    }

    ProviderPayment refundLater(UUID sagaId, String key, String reason) {
        calls.unavailable(ProviderCalls.Operation.REFUND);
        throw new DependencyUnavailableException(
                "Payment provider unavailable: " + key + " of saga " + sagaId + " deferred");
    }

    /** The key of one operation on one saga's payment: the same every time it is tried. */
    public static String key(String operation, UUID sagaId) {
        return operation + ":" + sagaId;
    }
}
