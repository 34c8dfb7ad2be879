package org.switchboard.ordering.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a saga step waits for its reply, how often it is tried, and how long a payment
 * authorisation is worth attempting (MicroProfile Config).
 */
@ApplicationScoped
public class SagaSettings {

    @Inject
    @ConfigProperty(name = "switchboard.ordering.step-timeout", defaultValue = "10000")
    long stepTimeoutMillis;

    @Inject
    @ConfigProperty(name = "switchboard.ordering.step-attempts", defaultValue = "2")
    int stepAttempts;

    /**
     * How long an AuthorisePayment is worth attempting: the payment is for a customer waiting now,
     * so an authorisation not taken up by then expires to Ordering's expiry queue and cancels the
     * order with the reason. Shorter than the step timeout, so it expires before a retry is sent.
     */
    @Inject
    @ConfigProperty(name = "switchboard.ordering.payment-time-to-live", defaultValue = "8000")
    long paymentTimeToLiveMillis;

    public Duration paymentTimeToLive() {
        return Duration.ofMillis(paymentTimeToLiveMillis);
    }

    public Duration stepTimeout() {
        return Duration.ofMillis(stepTimeoutMillis);
    }

    public int stepAttempts() {
        return stepAttempts;
    }
}
