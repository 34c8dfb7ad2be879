package org.switchboard.benchmark;

import java.util.function.Consumer;

/**
 * Finds each flow's maximum sustainable rate (docs/benchmarks/registration-open-model.md, step 4):
 * the step-up, which brackets it, then bisection inside the bracket ({@link Bracket}).
 */
final class RateSearch {

    /** One measured step of a flow at a constant rate ({@code RegistrationBenchmark}'s). */
    @FunctionalInterface
    interface Stepper {
        Step step(Flow flow, String name, int rate, int seconds) throws Exception;
    }

    private final Results results;
    private final Stepper stepper;
    private final Consumer<String> phase;

    RateSearch(Results results, Stepper stepper, Consumer<String> phase) {
        this.results = results;
        this.stepper = stepper;
        this.phase = phase;
    }

    /** Rates up, both flows interleaved (so the machine's load drifts over both alike), until each fails. */
    void stepUp(int[] rates) throws Exception {
        phase.accept("stepping rates");
        // Consecutive steps a flow did not keep up with: one may be the shared machine's doing, two end it.
        var misses = new java.util.EnumMap<Flow, Integer>(Flow.class);
        for (var rate : rates) {
            for (var flow : Flow.values()) {
                if (misses.getOrDefault(flow, 0) >= 2) {
                    continue;
                }
                var step = stepper.step(flow, "r" + rate, rate, results.stepSeconds);
                results.steps.add(step);
                if (step.keptUp()) {
                    results.max.put(flow, rate);
                    misses.put(flow, 0);
                } else {
                    misses.merge(flow, 1, Integer::sum);
                }
            }
            if (misses.values().stream().filter(m -> m >= 2).count() == Flow.values().length) {
                return;
            }
        }
    }

    /**
     * Narrows each flow's maximum from the step-up's bracket (its highest rate kept up with, the
     * lowest failed rate above it) by bisection: each round probes the middle of each bracket for a
     * step as long as the step-up's, judged by the same {@link Step#keptUp()}, the flows interleaved
     * as in the step-up so that the machine's drift hits both alike. A flow that failed no rate
     * above its maximum has no bracket and keeps the step-up's maximum (a lower bound).
     */
    void refine(int rounds) throws Exception {
        results.stepUpMax.putAll(results.max);
        for (var flow : Flow.values()) {
            var outcomes = results.steps.stream()
                    .filter(s -> s.flow() == flow)
                    .collect(java.util.stream.Collectors.toMap(Step::rate, Step::keptUp, Boolean::logicalAnd));
            Bracket.of(outcomes).ifPresent(b -> results.stepUpBrackets.put(flow, b));
        }
        var brackets = new java.util.EnumMap<>(results.stepUpBrackets);
        if (rounds == 0 || brackets.isEmpty()) {
            return;
        }
        phase.accept("refining each flow's maximum: " + rounds + " rounds of bisection");
        for (var round = 1; round <= rounds; round++) {
            for (var flow : Flow.values()) {
                var bracket = brackets.get(flow);
                if (bracket == null || bracket.resolved()) {
                    continue;
                }
                var step = stepper.step(flow, "b" + round, bracket.probe(), results.stepSeconds);
                results.refined.add(step);
                brackets.put(flow, bracket.after(step.keptUp()));
            }
        }
        results.brackets.putAll(brackets);
        brackets.forEach((flow, bracket) -> results.max.put(flow, bracket.kept()));
    }
}
