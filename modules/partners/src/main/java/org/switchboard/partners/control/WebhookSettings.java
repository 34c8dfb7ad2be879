package org.switchboard.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relay's knobs (MicroProfile Config, {@code switchboard.partners.*}): how often and how long
 * it tries, how long it waits for a partner, how long a lease lasts and after how many consecutive
 * failures an endpoint is disabled. The defaults give a partner half a day to a day: 16 attempts,
 * waits doubling from 10 s to at most 4 h (11 to 22 hours in all, with the jitter).
 */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    @ConfigProperty(name = "switchboard.partners.max-attempts", defaultValue = "16")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "switchboard.partners.backoff-base", defaultValue = "10000")
    long backoffBaseMillis;

    @Inject
    @ConfigProperty(name = "switchboard.partners.backoff-max", defaultValue = "14400000")
    long backoffMaxMillis;

    /** Connect and answer timeout of one post. */
    @Inject
    @ConfigProperty(name = "switchboard.partners.timeout", defaultValue = "5000")
    long timeoutMillis;

    /** How long a relay holds leased rows: longer than a batch of posts at the timeout takes. */
    @Inject
    @ConfigProperty(name = "switchboard.partners.lease", defaultValue = "120000")
    long leaseMillis;

    @Inject
    @ConfigProperty(name = "switchboard.partners.disable-after", defaultValue = "50")
    int disableAfter;

    public RetrySchedule retries() {
        return new RetrySchedule(
                Duration.ofMillis(backoffBaseMillis), Duration.ofMillis(backoffMaxMillis), maxAttempts);
    }

    public Duration timeout() {
        return Duration.ofMillis(timeoutMillis);
    }

    public Duration lease() {
        return Duration.ofMillis(leaseMillis);
    }

    public int disableAfter() {
        return disableAfter;
    }
}
