package org.switchboard.payments.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.switchboard.messaging.metrics.DescribedMeters;

/**
 * What Payments' calls to the payment provider came to, in WildFly's Micrometer registry (served as
 * Prometheus text at {@code /prometheus}):
 *
 * <ul>
 *   <li>{@code switchboard_payment_provider_calls_total{operation, outcome}}: each call's end, the
 *       provider's answer (AUTHORISED, PENDING, DECLINED, VOIDED, …), REFUSED (4xx) or UNAVAILABLE
 *       (the fallback deferred the step: down, too slow, failing, circuit open or bulkhead full);
 *   <li>{@code switchboard_payment_provider_circuit_state{operation, state}}: 1 for the state each
 *       operation's circuit breaker is in (closed, open, half_open), 0 for the others.
 * </ul>
 *
 * <p>Fault Tolerance's own meters ({@code ft_*}) are there too; these name the edge in our words.
 * Each change of a circuit's state is logged.
 */
@ApplicationScoped
public class ProviderCalls {

    private static final System.Logger LOG = System.getLogger(ProviderCalls.class.getName());

    static final String CALLS = "switchboard.payment.provider.calls";
    static final String CIRCUIT = "switchboard.payment.provider.circuit.state";

    /** What Payments asks of the provider. */
    public enum Operation {
        AUTHORISE(PaymentProvider.AUTHORISE),
        REFUND(PaymentProvider.REFUND);

        final String circuit;

        Operation(String circuit) {
            this.circuit = circuit;
        }
    }

    /** One operation's circuit breaker now. */
    public record Circuit(Operation operation, CircuitBreakerState state) {

        public String name() {
            return operation.circuit;
        }
    }

    @Inject
    MeterRegistry registry;

    @Inject
    CircuitBreakerMaintenance circuits;

    private DescribedMeters meters;
    private final List<io.micrometer.core.instrument.Meter> gauges = new java.util.ArrayList<>();

    @PostConstruct
    void register() {
        meters = new DescribedMeters(registry);
        for (var operation : Operation.values()) {
            for (var state : CircuitBreakerState.values()) {
                gauges.add(meters.gauge(
                        CIRCUIT,
                        "1 for the state each payment provider circuit breaker is in, 0 for the others",
                        Tags.of(
                                "operation",
                                tag(operation),
                                "state",
                                state.name().toLowerCase()),
                        this,
                        calls -> calls.state(operation) == state ? 1 : 0));
            }
            try {
                circuits.onStateChange(
                        operation.circuit,
                        state -> LOG.log(
                                System.Logger.Level.WARNING,
                                "Payment provider circuit {0} is now {1}",
                                operation.circuit,
                                state));
            } catch (RuntimeException notYetKnown) {
                LOG.log(System.Logger.Level.DEBUG, "No circuit {0} yet", operation.circuit);
            }
        }
    }

    /**
     * Made when the application starts, not at the first call: the gauges exist before anything
     * happened, and the first opening of a circuit (during the first calls) is logged too.
     */
    void startup(
            @jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class)
                    Object application) {
        LOG.log(System.Logger.Level.DEBUG, "Watching the payment provider''s circuits");
    }

    /** A redeployment would otherwise keep these gauges, reading a dead bean. */
    @jakarta.annotation.PreDestroy
    void unregister() {
        gauges.forEach(meters::remove);
    }

    /** Each operation's circuit breaker now, for the operations dashboard. */
    public List<Circuit> circuits() {
        return java.util.Arrays.stream(Operation.values())
                .map(operation -> new Circuit(operation, state(operation)))
                .toList();
    }

    CircuitBreakerState state(Operation operation) {
        try {
            return circuits.currentState(operation.circuit);
        } catch (RuntimeException notYetKnown) {
            return CircuitBreakerState.CLOSED;
        }
    }

    void answered(Operation operation, ProviderStatus status) {
        count(operation, status == null ? "UNKNOWN" : status.name());
    }

    void refused(Operation operation) {
        count(operation, "REFUSED");
    }

    void unavailable(Operation operation) {
        count(operation, "UNAVAILABLE");
    }

    private void count(Operation operation, String outcome) {
        meters.counter(
                        CALLS,
                        "Calls to the payment provider, by operation and how they ended",
                        Tags.of("operation", tag(operation), "outcome", outcome))
                .increment();
    }

    private static String tag(Operation operation) {
        return operation.name().toLowerCase();
    }
}
