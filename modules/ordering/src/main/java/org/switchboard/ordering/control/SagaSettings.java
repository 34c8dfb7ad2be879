package org.switchboard.ordering.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long a saga step waits for its reply, and how often it is tried (MicroProfile Config). */
@ApplicationScoped
public class SagaSettings {

    @Inject
    @ConfigProperty(name = "switchboard.ordering.step-timeout", defaultValue = "10000")
    long stepTimeoutMillis;

    @Inject
    @ConfigProperty(name = "switchboard.ordering.step-attempts", defaultValue = "2")
    int stepAttempts;

    public Duration stepTimeout() {
        return Duration.ofMillis(stepTimeoutMillis);
    }

    public int stepAttempts() {
        return stepAttempts;
    }
}
