package org.switchboard.resilience;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The faults, each under load on a fresh PostgreSQL cluster and a fresh server directory
 * ({@code <target>/<scenario>/}, where the server's logs stay). Every scenario: load for a while, the
 * fault, load for a while after it, then the unknown answers retried with their keys, then the
 * checker polled until every invariant holds or {@code recoveryLimit} has passed.
 */
final class Scenarios {

    private static final System.Logger LOG = System.getLogger(Scenarios.class.getName());

    /** How each scenario loads the server, how long it gives it to recover, and where the server listens. */
    record Settings(Path provisioned, Path ear, Path target, Load load, Duration recoveryLimit, Ports ports) {

        int clients() {
            return load.clients();
        }

        double perSecond() {
            return load.perSecond();
        }
    }

    /**
     * How hard and how long: {@code clients} at {@code perSecond} registrations in all, for
     * {@code phase} before the fault and again after it, and an order after every
     * {@code registrationsPerOrder} registrations (0: none).
     */
    record Load(int clients, double perSecond, Duration phase, int registrationsPerOrder) {}

    /** What a fault acts on: the database, the network path to it, the server. */
    record Target(Postgres postgres, Partition partition, Server server) {}

    /** What a fault does to its scenario's target. */
    @FunctionalInterface
    interface Fault {
        void inject(Target target) throws Exception;
    }

    /** One scenario's measurements, for the report. */
    record Result(
            String name,
            String fault,
            LoadGenerator.Sent sent,
            int retried,
            Checker.Verdict verdict,
            Duration recovery,
            Duration total,
            Seen seen) {

        boolean recovered() {
            return recovery != null;
        }

        List<LoadGenerator.Registration> registrations() {
            return sent.registrations();
        }

        List<OrderLoad.Order> orders() {
            return sent.orders();
        }
    }

    /** What {@code /api/ops/health} showed during the scenario: states and open incident kinds. */
    record Seen(java.util.Set<String> health, java.util.Set<String> incidents) {}

    private final Settings settings;

    /** The build's embedded PostgreSQL instead of Debian's binaries: only the partition fault then. */
    private final boolean embedded;

    /** What the last scenario's PostgreSQL said about itself, for the report. */
    String postgresVersion = "?";

    Map<String, String> postgresSettings = Map.of();

    Scenarios(Settings settings) {
        this(settings, false);
    }

    Scenarios(Settings settings, boolean embedded) {
        this.settings = settings;
        this.embedded = embedded;
    }

    /** (a) kill -9 of the WildFly JVM every 15 s of load, restart, {@code rounds} times. */
    Result killServer(int rounds) throws Exception {
        return run(
                "kill-9-wildfly-x" + rounds,
                "kill -9 of WildFly under load, restarted, " + rounds + " rounds",
                Integer.MAX_VALUE,
                target -> {
                    for (int round = 1; round <= rounds; round++) {
                        target.server().kill();
                        LOG.log(System.Logger.Level.INFO, "kill -9 round {0} of {1}", round, rounds);
                        target.server().start();
                        if (round < rounds) {
                            pause(Duration.ofSeconds(10));
                        }
                    }
                });
    }

    /** (b) PostgreSQL stopped ({@code fast} or {@code immediate}) for {@code outage}, then started. */
    Result stopPostgres(Duration outage, String mode) throws Exception {
        return run(
                "postgres-stop-" + mode + "-" + outage.toSeconds() + "s",
                "pg_ctl stop -m " + mode + ", down " + outage.toSeconds() + " s",
                Integer.MAX_VALUE,
                target -> {
                    target.postgres().stop(mode);
                    pause(outage);
                    target.postgres().start();
                });
    }

    /** (c) kill -9 of the postmaster and its backends, down {@code outage}, then crash recovery. */
    Result killPostgres(Duration outage) throws Exception {
        return run(
                "postgres-kill-9",
                "kill -9 of PostgreSQL, down " + outage.toSeconds() + " s",
                Integer.MAX_VALUE,
                target -> {
                    target.postgres().kill();
                    pause(outage);
                    target.postgres().start();
                });
    }

    /**
     * (f) The database cut off from the server for {@code outage}: every connection closed, new ones
     * refused, then the path restored. Works with the embedded database: the short subset's fault.
     */
    Result partitionDatabase(Duration outage) throws Exception {
        return run(
                "database-partition-" + outage.toSeconds() + "s",
                "connections to PostgreSQL cut, refused for " + outage.toSeconds() + " s",
                Integer.MAX_VALUE,
                target -> {
                    target.partition().cut();
                    pause(outage);
                    target.partition().heal();
                },
                true);
    }

    /** (d) a graceful WildFly restart (SIGTERM) under load. */
    Result restartServer() throws Exception {
        return run("graceful-restart", "SIGTERM to WildFly under load, restarted", Integer.MAX_VALUE, target -> {
            target.server().stop();
            target.server().start();
        });
    }

    /** (e) {@code registrations} back to back, enough to page the 10 MiB addresses. No fault. */
    Result burst(int registrations) throws Exception {
        var burst = new Settings(
                settings.provisioned(),
                settings.ear(),
                settings.target(),
                new Load(
                        Math.max(16, settings.clients()),
                        0,
                        settings.load().phase(),
                        settings.load().registrationsPerOrder()),
                settings.recoveryLimit().plusMinutes(5),
                settings.ports());
        return new Scenarios(burst, embedded)
                .run(
                        "burst-" + registrations,
                        registrations + " registrations back to back (journal paging)",
                        registrations,
                        target -> {});
    }

    /** Load, fault, load; then retries and the checker. The server talks to the database directly. */
    Result run(String name, String fault, int limit, Fault injection) throws Exception {
        return run(name, fault, limit, injection, false);
    }

    /**
     * As above; with {@code relayed}, the server reaches the database through a {@link Partition}
     * (only where the fault needs one: a relay changes how a stopped database looks to the driver).
     */
    Result run(String name, String fault, int limit, Fault injection, boolean relayed) throws Exception {
        var started = System.nanoTime();
        var dir = settings.target().resolve(name);
        org.switchboard.devserver.WildFly.deleteRecursively(dir);
        try (var pg = embedded ? Postgres.embedded(dir.resolve("postgres")) : Postgres.create(name);
                var partition = relayed ? Partition.relay(pg.port()) : null;
                // The outside party Payments charges through: without it every order would wait out
                // its payment step and be compensated.
                var provider = settings.ports().paymentProvider(dir.resolve("payment-provider.log"));
                var server = new Server(
                        settings.provisioned(),
                        settings.ear(),
                        dir.resolve("wildfly"),
                        relayed ? Postgres.database(partition.port()) : pg.database(),
                        "-Xms256m -Xmx768m -Djava.net.preferIPv4Stack=true " + provider.jvmArguments(),
                        settings.ports());
                var watch = new HealthWatch(settings.ports())) {
            postgresVersion = pg.version();
            postgresSettings = pg.effectiveSettings();
            server.start();
            try (var c = pg.connect()) {
                OrderLoad.stock(c);
            }
            watch.start();
            var phase = settings.load().phase();
            var load = new LoadGenerator(name, settings.load(), limit, Duration.ofSeconds(10), settings.ports());
            load.start();
            var target = new Target(pg, partition, server);
            Instant faultEnded;
            if (settings.perSecond() > 0) {
                pause(phase);
                LOG.log(System.Logger.Level.INFO, "{0}: fault after {1} registrations", name, load.registrationsSent());
                injection.inject(target);
                faultEnded = Instant.now();
                pause(phase);
                load.stop();
            } else {
                load.awaitCompletion(Duration.ofMinutes(30));
                injection.inject(target);
                faultEnded = Instant.now();
            }
            var retried = load.retryUnknowns();
            LOG.log(
                    System.Logger.Level.INFO,
                    "{0}: {1} registrations and {2} orders sent, {3} unknowns retried",
                    name,
                    load.registrationsSent(),
                    load.sent().orders().size(),
                    retried);
            var sent = load.sent();
            var checker = new Checker(pg, settings.ports());
            var deadline = faultEnded.plus(settings.recoveryLimit());
            Checker.Verdict verdict = null;
            Duration recovery = null;
            int polls = 0;
            do {
                try {
                    verdict = checker.check(sent);
                    if (verdict.holds()) {
                        recovery = Duration.between(faultEnded, Instant.now());
                        break;
                    }
                } catch (java.io.IOException | java.sql.SQLException notYet) {
                    LOG.log(System.Logger.Level.INFO, "{0}: cannot check yet: {1}", name, notYet.getMessage());
                }
                pause(Duration.ofSeconds(2));
            } while (Instant.now().isBefore(deadline) && ++polls < 10_000);
            if (verdict == null) {
                verdict = checker.check(sent);
            }
            LOG.log(System.Logger.Level.INFO, "{0}: {1}, recovered after {2}", name, verdict, recovery);
            pg.copyLog(dir.resolve("postgres.log"));
            return new Result(
                    name,
                    fault,
                    sent,
                    retried,
                    verdict,
                    recovery,
                    Duration.ofNanos(System.nanoTime() - started),
                    new Seen(watch.health(), watch.alerts()));
        }
    }

    /** The harness paces its faults in real time; tests never call this. */
    static void pause(Duration d) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(d.toMillis());
    }

    static Map<String, Integer> answers(Result r) {
        return Checker.answers(r.registrations());
    }
}
