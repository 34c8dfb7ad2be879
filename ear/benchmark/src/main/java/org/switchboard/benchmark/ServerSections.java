package org.switchboard.benchmark;

import java.util.Locale;

/**
 * The report's sections on the machine and the server: the raw baselines, boot and memory against
 * the empty server, and where the server's time goes (the JFR recording's summary).
 */
final class ServerSections {

    private final Results r;
    private final StringBuilder out = new StringBuilder();

    private ServerSections(Results results) {
        this.r = results;
    }

    static String of(Results results) {
        var sections = new ServerSections(results);
        sections.baselines();
        sections.boot();
        sections.profiles();
        return sections.out.toString();
    }

    private void baselines() {
        line("## Raw baselines on the same machine, same run");
        line("");
        line("| what | clients | per second |");
        line("|---|---:|---:|");
        r.database.forEach(b -> line("| %s (pgbench) | %d | %.0f |", b.what(), b.clients(), b.perSecond()));
        r.broker.forEach(b -> line("| %s (in-vm, same broker) | %d | %.0f |", b.what(), b.clients(), b.perSecond()));
        line("");
    }

    private void boot() {
        line("## Boot and memory against an empty server with the same layers");
        line("");
        line("| server | started in ms (WFLYSRV0025) | RSS MiB after boot |");
        line("|---|---:|---:|");
        var empty = r.empty == null ? new Servers.Boot(0, 0) : r.empty;
        if (r.empty == null) {
            line("| empty (no deployment) | not measured (quick run) | |");
        } else {
            line("| empty (no deployment) | %d | %d |", empty.startedMillis(), empty.rssMiB());
        }
        line("| switchboard.ear | %d | %d |", r.switchboard.startedMillis(), r.switchboard.rssMiB());
        line(
                "| ratio | %.2f | %.2f |",
                Report.ratio(r.switchboard.startedMillis(), empty.startedMillis()),
                Report.ratio(r.switchboard.rssMiB(), empty.rssMiB()));
        line("");
        line(
                "RSS after the registration steps (both flows deployed and loaded): %d MiB; after the order steps: %d MiB;"
                        + " after the JFR step, which comes last (the flight recorder stays loaded): %d MiB.",
                r.rssAfterRun, r.rssAfterOrders, r.rssAfterProfile);
        line("");
    }

    private void profiles() {
        line(
                "## Where the server's time goes (JFR, settings=profile, a separate step at 50 %% of each flow's maximum)");
        line("");
        r.profiles.forEach((flow, p) -> {
            line(
                    "**%s** (%d execution samples; a sample counts for the first known library on its stack, from the"
                            + " top):",
                    flow.label, p.samples());
            line("");
            line("| component | share |");
            line("|---|---:|");
            p.components().forEach(e -> line("| %s | %.1f %% |", e.getKey(), 100.0 * e.getValue() / p.samples()));
            line("");
            line("| hot method (top frame) | share |");
            line("|---|---:|");
            p.methods().forEach(e -> line("| `%s` | %.1f %% |", e.getKey(), 100.0 * e.getValue() / p.samples()));
            line("");
            line("| monitor waited for (jdk.JavaMonitorEnter) | total wait ms |");
            line("|---|---:|");
            p.monitors()
                    .forEach(e -> line("| `%s` | %d |", e.getKey(), e.getValue().toMillis()));
            line("");
        });
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
