package org.switchboard.resilience;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.switchboard.resilience.LoadGenerator.Outcome;

/**
 * The short subset of the resilience suite: 10 registrations/s, PostgreSQL stopped (fast) for 5 s,
 * then the checker. It asserts only what the system guarantees today — no duplicate, no effect of
 * a definite failure, every 201 answered before the fault has its customer — and writes the whole
 * verdict to target/resilience/short.md; {@code ./mvnw -Presilience} reports everything.
 */
class ResilienceIT {

    @Test
    @Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aShortDatabaseOutageNeitherDuplicatesNorInventsRegistrations() throws Exception {
        var settings = new Scenarios.Settings(
                Path.of(System.getProperty("switchboard.server.dir")),
                Path.of(System.getProperty("switchboard.ear")),
                Path.of(System.getProperty("resilience.dir", "target/resilience")),
                4,
                10,
                Duration.ofSeconds(30));
        var scenarios = new Scenarios(settings);

        var result = scenarios.stopPostgres(Duration.ofSeconds(5), "fast");

        Files.writeString(
                settings.target().resolve("short.md"),
                Report.markdown(List.of(result), settings, scenarios.postgresSettings, scenarios.postgresVersion));
        var effects = result.verdict().effects();
        assertAll(
                () -> assertTrue(
                        Checker.count(result.registrations(), Outcome.SUCCESS) > 50, "registrations got through"),
                () -> assertEquals(0, effects.duplicated(), "duplicated"),
                () -> assertEquals(0, effects.phantom(), "rows of definite failures"));
    }
}
