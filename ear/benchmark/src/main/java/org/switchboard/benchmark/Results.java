package org.switchboard.benchmark;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run measured, gathered for the report. */
final class Results {

    /** A phase of the run and the machine's load average when it began (the machine is shared). */
    record Phase(String name, String load, double atSeconds) {}

    final List<Phase> phases = new ArrayList<>();
    final List<Baselines.Rate> database = new ArrayList<>();
    final List<Baselines.Rate> broker = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    /** The bisection's probes after the step-up, both flows interleaved. */
    final List<Step> refined = new ArrayList<>();

    final List<Step> atShares = new ArrayList<>();
    /** Each flow's maximum: the lower end of its bracket once refined, else the step-up's. */
    final Map<Flow, Integer> max = new EnumMap<>(Flow.class);
    /** The highest rate of the step-up each flow kept up with, before the bisection. */
    final Map<Flow, Integer> stepUpMax = new EnumMap<>(Flow.class);
    /** Each flow's bracket from the step-up (none if it failed no rate above its maximum). */
    final Map<Flow, Bracket> stepUpBrackets = new EnumMap<>(Flow.class);
    /** What the bisection narrowed each bracket to. */
    final Map<Flow, Bracket> brackets = new EnumMap<>(Flow.class);
    /** bench.refine.rounds: the bisection's rounds (0: none, the step-up's maximum stands). */
    int refineRounds;

    final Map<Flow, Profile.Summary> profiles = new EnumMap<>(Flow.class);
    final List<OrderStep> orders = new ArrayList<>();
    List<Backlog.Sample> backlog = List.of();
    String durability = "";
    /** Artemis' journal in the measured server: AIO or NIO. */
    String journal = "unknown";

    Servers.Boot empty;
    Servers.Boot switchboard;
    /** After the registration steps (the JFR step comes last, after the orders). */
    long rssAfterRun;

    /**
     * The highest RSS from the server's boot to the end of the registration steps: the serial
     * collector grows the heap between full collections and shrinks it at one, so a reading at one
     * moment lands somewhere on that saw-tooth.
     */
    long peakRssAfterRun;

    long rssAfterOrders;
    /** After the JFR step: the flight recorder stays loaded, which the server in production does not run. */
    long rssAfterProfile;
    /** bench.quick: no empty server, no raw baselines, no 25/50/75 % steps, no JFR recording. */
    boolean quick;

    String heap = "";
    int stepSeconds;

    /** The step at {@code share} of the flow's maximum (25, 50 or 75 %), if measured. */
    java.util.Optional<Step> atShare(Flow flow, int percent) {
        var rate = Math.max(1, max.getOrDefault(flow, 0) * percent / 100);
        return atShares.stream()
                .filter(s -> s.flow() == flow && s.rate() == rate)
                .findFirst();
    }
}
