package org.switchboard.benchmark;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The report's two PNG plots: latency over the offered rate, and the backlog over the run. */
final class Plots {

    private Plots() {}

    static void write(Results r, Path dir, String name) throws IOException {
        var latency =
                new Chart("Latency over offered rate (from the due time)", "offered registrations/s", "ms (log)", true);
        for (var flow : Flow.values()) {
            // The bisection's probes between the step-up's rates, in the order of the rates.
            var steps = java.util.stream.Stream.concat(r.steps.stream(), r.refined.stream())
                    .filter(s -> s.flow() == flow)
                    .sorted(java.util.Comparator.comparingInt(Step::rate))
                    .toList();
            var color = flow == Flow.SWITCHBOARD ? new Color(0, 90, 200) : new Color(220, 90, 0);
            latency.add(series(flow.label + " REST p50", color, true, steps, s -> s.restMillis(0.5)));
            latency.add(series(flow.label + " REST p99", color, false, steps, s -> s.restMillis(0.99)));
            latency.add(series(
                    flow.label + " effect p99", color.darker().darker(), false, steps, s -> s.effectMillis(0.99)));
        }
        latency.write(dir.resolve(name + "-latency.png"));
        new Chart("Backlog over the run: registered, not yet a contact", "seconds since start", "registrations", false)
                .add(new Chart.Series(
                        "Switchboard",
                        new Color(0, 90, 200),
                        false,
                        r.backlog.stream()
                                .map(b -> new double[] {b.seconds(), b.switchboard()})
                                .toList()))
                .add(new Chart.Series(
                        "Switchboard: in outbox",
                        new Color(120, 170, 240),
                        true,
                        r.backlog.stream()
                                .map(b -> new double[] {b.seconds(), b.outbox()})
                                .toList()))
                .add(new Chart.Series(
                        "peer",
                        new Color(220, 90, 0),
                        false,
                        r.backlog.stream()
                                .map(b -> new double[] {b.seconds(), b.peer()})
                                .toList()))
                .write(dir.resolve(name + "-backlog.png"));
    }

    private static Chart.Series series(
            String name, Color color, boolean dashed, List<Step> steps, ToDoubleFunction<Step> value) {
        return new Chart.Series(
                name,
                color,
                dashed,
                steps.stream()
                        .map(s -> new double[] {s.rate(), value.applyAsDouble(s)})
                        .filter(p -> !Double.isNaN(p[1]))
                        .toList());
    }
}
