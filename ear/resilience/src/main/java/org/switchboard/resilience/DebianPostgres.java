package org.switchboard.resilience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Where the suite's stoppable PostgreSQL comes from: Debian's binaries
 * ({@code /usr/lib/postgresql/<major>/bin}, the newest), or {@code resilience.pg.bin}; installed with
 * apt-get when the suite runs as root on a machine without them.
 */
final class DebianPostgres {

    private static final System.Logger LOG = System.getLogger(DebianPostgres.class.getName());

    private DebianPostgres() {}

    static Path binaries() {
        var configured = System.getProperty("resilience.pg.bin");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (!Files.isDirectory(Path.of("/usr/lib/postgresql"))
                && Postgres.isRoot()
                && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            install();
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.sorted(java.util.Comparator.reverseOrder())
                    .map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException | java.util.NoSuchElementException e) {
            throw new IllegalStateException(
                    "No PostgreSQL binaries: apt-get install -y postgresql, or set -Dresilience.pg.bin", e);
        }
    }

    /** Debian's PostgreSQL, once per machine: the suite needs pg_ctl to stop and start a cluster. */
    private static void install() {
        LOG.log(System.Logger.Level.INFO, "No PostgreSQL binaries: apt-get install -y postgresql");
        try {
            var apt =
                    new ProcessBuilder("apt-get", "install", "-y", "--no-install-recommends", "postgresql").inheritIO();
            apt.environment().put("DEBIAN_FRONTEND", "noninteractive");
            var process = apt.start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                LOG.log(System.Logger.Level.WARNING, "apt-get install postgresql failed");
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "apt-get install postgresql failed: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void chownToPostgres(Path dir) throws IOException, InterruptedException {
        if (Postgres.isRoot()) {
            var p = new ProcessBuilder("chown", "postgres:postgres", dir.toString())
                    .inheritIO()
                    .start();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static void deleteAsOwner(Path dir) throws IOException, InterruptedException {
        if (Files.exists(dir)) {
            new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor(60, TimeUnit.SECONDS);
        }
    }
}
