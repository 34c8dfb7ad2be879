package org.switchboard.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * report.md of one run: the ratios against the same-run baselines and the targets first, then the
 * tables they come from, the profile, the plots and the machine's load per phase.
 */
final class Report {

    static final String NAME = "registration-open-model";

    private final Results r;
    private final Path dir;
    private final StringBuilder out = new StringBuilder();

    Report(Results results, Path dir) {
        this.r = results;
        this.dir = dir;
    }

    String write() throws IOException {
        Plots.write(r, dir, NAME);
        line("# Registration flow: open-model load against same-run baselines");
        line("");
        line(
                "Run of %s on %d cores, %s, server JVM -Xmx%s; the load generator, WildFly and PostgreSQL share the machine."
                        .formatted(
                                LocalDate.now(),
                                Runtime.getRuntime().availableProcessors(),
                                Runtime.version(),
                                r.heap));
        line(
                "PostgreSQL durability: `%s`. Artemis journal: %s (AIO needs libaio; without it Artemis runs NIO). Steps of %d s at a constant arrival rate.",
                r.durability, r.journal, r.stepSeconds);
        if (r.quick) {
            line("");
            line("**Quick run** (`-Dbench.quick=true`): no empty server, no raw baselines, no 25/50/75 %% steps and"
                    + " no JFR recording; the ratios that need them are empty (NaN or 0).");
        }
        line("");
        ratios();
        stepping();
        refinement();
        shares();
        out.append(OrderSection.of(r.orders, r.rssAfterRun, r.rssAfterOrders));
        out.append(ServerSections.of(r));
        line("## Plots");
        line("");
        line("![REST and time-to-effect latency over the offered rate](%s-latency.png)", NAME);
        line("");
        line("![Backlog (registered, not yet a contact) over the run](%s-backlog.png)", NAME);
        line("");
        line("## Phases and the machine's load average at their start");
        line("");
        line("| at s | phase | load (1, 5, 15 min) |");
        line("|---:|---|---|");
        r.phases.forEach(p -> line("| %.0f | %s | %s |", p.atSeconds(), p.name(), p.load()));
        return out.toString();
    }

    private void ratios() {
        var sb = r.max.getOrDefault(Flow.SWITCHBOARD, 0);
        var peer = r.max.getOrDefault(Flow.PEER, 0);
        var sbHalf = r.atShare(Flow.SWITCHBOARD, 50);
        var peerHalf = r.atShare(Flow.PEER, 50);
        // CPU per registration includes the server's background work, spread over the registrations:
        // compared at one rate (the highest both flows kept up with), not at each flow's own 50 %.
        var common = r.steps.stream()
                .filter(s -> s.flow() == Flow.SWITCHBOARD && s.keptUp())
                .mapToInt(Step::rate)
                .filter(rate -> r.steps.stream().anyMatch(p -> p.flow() == Flow.PEER && p.rate() == rate && p.keptUp()))
                .max()
                .orElse(0);
        var sbCommon = stepAt(Flow.SWITCHBOARD, common);
        var peerCommon = stepAt(Flow.PEER, common);
        var sbServer = sbCommon.map(Step::serverCpuPerRegistration).orElse(Double.NaN);
        var peerServer = peerCommon.map(Step::serverCpuPerRegistration).orElse(Double.NaN);
        var sbDatabase = sbCommon.map(Step::databaseCpuPerRegistration).orElse(Double.NaN);
        var peerDatabase = peerCommon.map(Step::databaseCpuPerRegistration).orElse(Double.NaN);
        var serverCpu = ratio(sbServer, peerServer);
        var dbCpu = ratio(sbDatabase, peerDatabase);
        var p99 = sbHalf.map(s -> s.restMillis(0.99)).orElse(Double.NaN);
        line("## Ratios and targets");
        line("");
        line("| measure | Switchboard | peer | target | met |");
        line("|---|---:|---:|---|---|");
        line(
                "| maximum sustainable rate /s | %d | %d | Switchboard >= 0.9 x peer | %s (%.2f) |",
                sb, peer, met(ratio(sb, peer) >= 0.9), ratio(sb, peer));
        line(
                "| server CPU ms per registration at %d/s (highest rate both kept up with) | %.2f | %.2f | <= 1.3 x peer | %s (%.2f) |",
                common, sbServer, peerServer, met(serverCpu <= 1.3), serverCpu);
        line(
                "| PostgreSQL CPU ms per registration at %d/s | %.2f | %.2f | (none) | ratio %.2f |",
                common, sbDatabase, peerDatabase, dbCpu);
        line(
                "| REST p99 ms at 50 %% of max | %.1f | %.1f | <= 50 ms | %s |",
                p99, peerHalf.map(s -> s.restMillis(0.99)).orElse(Double.NaN), met(p99 <= 50));
        line(
                "| server RSS MiB after the registration steps (both flows) | %d | | <= 700 MiB | %s |",
                r.rssAfterRun, met(r.rssAfterRun <= 700));
        line("| the highest RSS until then (the kernel's VmHWM) | %d | | (none) | |", r.peakRssAfterRun);
        line("");
        var brokerTx = best(r.broker, "committed");
        var brokerAuto = best(r.broker, "auto-ack");
        var insert = r.database.stream()
                .filter(b -> !b.what().contains("two-phase"))
                .mapToDouble(Baselines.Rate::perSecond)
                .max()
                .orElse(Double.NaN);
        var twoPhase = best(r.database, "two-phase");
        line("| maximum sustainable rate divided by | raw /s (best client count) | Switchboard | peer |");
        line("|---|---:|---:|---:|");
        line(
                "| raw broker, send + receive each committed | %.0f | %.3f | %.3f |",
                brokerTx, sb / brokerTx, peer / brokerTx);
        line(
                "| raw broker, persistent send + auto-ack receive | %.0f | %.3f | %.3f |",
                brokerAuto, sb / brokerAuto, peer / brokerAuto);
        line("| raw PostgreSQL single-row insert TPS | %.0f | %.3f | %.3f |", insert, sb / insert, peer / insert);
        line(
                "| raw PostgreSQL insert with two-phase commit TPS | %.0f | %.3f | %.3f |",
                twoPhase, sb / twoPhase, peer / twoPhase);
        line("");
        line(
                "A flow *keeps up* with a rate when at most %.0f %% of its requests fail, its 201s come back at %.0f %% of"
                        + " the offered rate or more, REST p99 (from the due time) is within %.0f ms, and %.0f %% of the"
                        + " contacts exist 2 s after the last request was due.",
                Step.ALLOWED_FAILURES * 100,
                Step.REQUIRED_RATE * 100,
                Step.REST_P99_LIMIT_MS,
                Step.REQUIRED_RATE * 100);
        line("");
        line(howTheMaximumWasFound());
        line("");
    }

    /** How the maximum was found and how finely, for the ratios' reader. */
    private String howTheMaximumWasFound() {
        var how = new StringBuilder(
                "**How the maximum was found.** The step-up brackets each flow's maximum between the highest stepped"
                        + " rate it kept up with and the lowest rate above that it failed");
        if (r.brackets.isEmpty()) {
            how.append(
                            r.refineRounds == 0
                                    ? " (no bisection: `bench.refine.rounds=0`)"
                                    : " (no bisection: no flow failed a rate above its maximum)")
                    .append(": the maximum is the highest stepped rate kept up with, known to one rate step.");
            return how.toString();
        }
        how.append(String.format(
                Locale.ROOT,
                "; %d rounds of bisection then probe the middle of each bracket, the flows interleaved (Switchboard,"
                        + " peer, Switchboard, peer), each probe a %d-s step judged by the same test. The maximum is the"
                        + " lower end of the final bracket, the highest rate kept up with; the true one lies below its"
                        + " upper end.",
                r.refineRounds,
                r.stepSeconds));
        for (var flow : Flow.values()) {
            var bracket = r.brackets.get(flow);
            how.append(' ')
                    .append(flow.label)
                    .append(
                            bracket == null
                                    ? ": no failed rate above its maximum, so that is a lower bound."
                                    : String.format(
                                            Locale.ROOT,
                                            ": %d/s kept up, %d/s not (resolution %d/s).",
                                            bracket.kept(),
                                            bracket.failed(),
                                            bracket.resolution()));
        }
        var sb = r.brackets.get(Flow.SWITCHBOARD);
        var peer = r.brackets.get(Flow.PEER);
        if (sb != null && peer != null) {
            how.append(String.format(
                    Locale.ROOT,
                    " The ratio of the true maxima lies between %.2f and %.2f.",
                    ratio(sb.kept(), peer.failed()),
                    ratio(sb.failed(), peer.kept())));
        }
        return how.toString();
    }

    private void stepping() {
        line("## Stepping the arrival rate");
        line("");
        line("Latencies are measured from each request's due time (open model). *Effect* is the due time to the"
                + " contact row's `created_at`. *Lateness* is the generator's own delay behind its schedule.");
        line("");
        stepTable(r.steps, false);
    }

    private void refinement() {
        line("## Refining the maximum (bisection)");
        line("");
        if (r.refined.isEmpty()) {
            line("No bisection in this run: the maximum is the step-up's.");
            line("");
            return;
        }
        line(
                "| flow | step-up: kept up with /s | failed /s | probes /s | final bracket /s | maximum /s | resolution /s |");
        line("|---|---:|---:|---|---|---:|---:|");
        for (var flow : Flow.values()) {
            var from = r.stepUpBrackets.get(flow);
            var to = r.brackets.get(flow);
            if (from == null || to == null) {
                line(
                        "| %s | %d | none | | | %d | |",
                        flow.label, r.stepUpMax.getOrDefault(flow, 0), r.max.getOrDefault(flow, 0));
                continue;
            }
            var probes = r.refined.stream()
                    .filter(s -> s.flow() == flow)
                    .map(s -> s.rate() + (s.keptUp() ? " kept up" : " not"))
                    .collect(java.util.stream.Collectors.joining(", "));
            line(
                    "| %s | %d | %d | %s | %d-%d | %d | %d |",
                    flow.label,
                    from.kept(),
                    from.failed(),
                    probes,
                    to.kept(),
                    to.failed(),
                    r.max.getOrDefault(flow, 0),
                    to.resolution());
        }
        line("");
        line("The probes, in the order run:");
        line("");
        stepTable(r.refined, false);
    }

    private void shares() {
        line("## At 25, 50 and 75 %% of each flow's maximum");
        line("");
        stepTable(r.atShares, true);
    }

    private void stepTable(List<Step> steps, boolean tails) {
        line(
                "| flow | offered /s | 201 | failed | achieved /s | REST p50 ms | p99 | p99.9 | effect p50 ms | p99 | p99.9"
                        + " | on time | lateness p99 ms | server CPU ms/reg | PG CPU ms/reg | kept up |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (var s : steps) {
            var c = s.load().counts();
            line(
                    "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f | %.0f %% | %.2f | %.2f | %.2f | %s |",
                    s.flow().label,
                    s.rate(),
                    c.ok(),
                    c.errors() + c.refused(),
                    s.load().achievedRate(),
                    s.restMillis(0.5),
                    s.restMillis(0.99),
                    s.restMillis(0.999),
                    s.effectMillis(0.5),
                    s.effectMillis(0.99),
                    s.effectMillis(0.999),
                    100.0 * s.onTime() / s.load().schedule().requests(),
                    s.latenessMillis(0.99),
                    s.serverCpuPerRegistration(),
                    s.databaseCpuPerRegistration(),
                    s.keptUp() ? "yes" : "no");
        }
        line("");
    }

    private java.util.Optional<Step> stepAt(Flow flow, int rate) {
        return r.steps.stream()
                .filter(s -> s.flow() == flow && s.rate() == rate)
                .findFirst();
    }

    private static double best(List<Baselines.Rate> rates, String what) {
        return rates.stream()
                .filter(b -> b.what().contains(what))
                .mapToDouble(Baselines.Rate::perSecond)
                .max()
                .orElse(Double.NaN);
    }

    static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    private static String met(boolean yes) {
        return yes ? "**met**" : "**not met**";
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
