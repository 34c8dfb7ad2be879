package org.switchboard.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./mvnw -Presilience}: every scenario in turn, then docs/resilience.md. Choose scenarios with
 * {@code -Dresilience.scenarios=kill,pg-stop-30,pg-stop-120,pg-kill,partition,restart,burst} and tune with
 * {@code resilience.kill.rounds} (10), {@code resilience.clients} (8), {@code resilience.rate} (20/s),
 * {@code resilience.recovery.seconds} (180), {@code resilience.burst} (10000),
 * {@code resilience.registrations.per.order} (2: an order after every second registration; 0 for
 * none). The server listens on 8080 and 9990 shifted by {@code resilience.port.offset} (0): with the
 * usual ports, run it under {@code flock /tmp/switchboard-it.lock}.
 */
public final class ResilienceSuite {

    private static final System.Logger LOG = System.getLogger(ResilienceSuite.class.getName());

    static final String ALL = "kill,pg-stop-30,pg-stop-120,pg-kill,partition,restart,burst";

    public static void main(String[] args) throws Exception {
        var settings = new Scenarios.Settings(
                Path.of(System.getProperty("switchboard.server.dir")).toAbsolutePath(),
                Path.of(System.getProperty("switchboard.ear")).toAbsolutePath(),
                Path.of(System.getProperty("resilience.dir", "target/resilience"))
                        .toAbsolutePath(),
                new Scenarios.Load(
                        Integer.getInteger("resilience.clients", 8),
                        Double.parseDouble(System.getProperty("resilience.rate", "20")),
                        Duration.ofSeconds(10),
                        Integer.getInteger("resilience.registrations.per.order", 2)),
                Duration.ofSeconds(Integer.getInteger("resilience.recovery.seconds", 180)),
                Ports.fromSystemProperties());
        var report = Path.of(System.getProperty("resilience.report", "docs/resilience.md"))
                .toAbsolutePath();
        var chosen = Arrays.stream(
                        System.getProperty("resilience.scenarios", ALL).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        Files.createDirectories(settings.target());
        var scenarios = new Scenarios(settings);
        var results = new ArrayList<Scenarios.Result>();
        for (var name : chosen) {
            LOG.log(System.Logger.Level.INFO, "Scenario {0}", name);
            results.add(
                    switch (name) {
                        case "kill" -> scenarios.killServer(Integer.getInteger("resilience.kill.rounds", 10));
                        case "pg-stop-30" -> scenarios.stopPostgres(Duration.ofSeconds(30), "fast");
                        case "pg-stop-120" -> scenarios.stopPostgres(Duration.ofSeconds(120), "immediate");
                        case "pg-kill" -> scenarios.killPostgres(Duration.ofSeconds(10));
                        case "partition" -> scenarios.partitionDatabase(Duration.ofSeconds(30));
                        case "restart" -> scenarios.restartServer();
                        case "burst" -> scenarios.burst(Integer.getInteger("resilience.burst", 10_000));
                        default -> throw new IllegalArgumentException("No scenario " + name + "; choose from " + ALL);
                    });
            // Written after each scenario, so that a later failure keeps what was measured.
            write(report, results, settings, scenarios);
        }
        System.out.println(Files.readString(report));
    }

    private static void write(
            Path report, List<Scenarios.Result> results, Scenarios.Settings settings, Scenarios scenarios)
            throws java.io.IOException {
        Files.createDirectories(report.getParent());
        var markdown = Report.markdown(results, settings, scenarios.postgresSettings, scenarios.postgresVersion);
        Files.writeString(report, markdown);
        Files.writeString(settings.target().resolve("resilience.md"), markdown);
    }
}
