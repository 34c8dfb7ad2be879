package org.switchboard.benchmark;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.switchboard.devserver.Database;
import org.switchboard.devserver.PaymentProvider;
import org.switchboard.devserver.WildFly;

/**
 * {@code ./mvnw -Pbench} (issue 16): the registration flow under an open-model load, against what
 * the same box does raw, all in one run on one server. It boots an empty server with the same
 * layers (boot time, memory), then Switchboard's server with the peer deployed beside it; measures
 * the raw database (pgbench) and the raw broker; warms both flows up; steps the arrival rate for
 * both, interleaved, until each stops keeping up; narrows each flow's maximum by bisecting between
 * its highest rate kept up with and the failed one above ({@link Bracket}); measures each at 25, 50
 * and 75 % of its maximum (with a JFR recording at 50 %); then places orders at
 * {@code bench.order.rates} against the payment provider started beside the server (order to
 * confirmed, {@link Orders}); and writes
 * target/bench/report.md with its PNG plots. {@code -Dbench.quick=true} leaves out the empty
 * server, the raw baselines, the 25/50/75 % steps and the JFR recording (a short check of the run).
 */
public final class RegistrationBenchmark {

    private static final System.Logger LOG = System.getLogger(RegistrationBenchmark.class.getName());

    private final Results results = new Results();
    private final AtomicInteger stepNumber = new AtomicInteger();
    private Instant benchStart;
    private long started;
    private long serverPid;
    private long databasePid;
    private OpenLoad load;
    private Rows rows;

    public static void main(String[] args) throws Exception {
        // The server closes a connection idle for 20 s (no-request-timeout), the JDK's client keeps
        // one for 1,200 s: a POST on a connection the server has just closed fails with an
        // IOException and is not retried, which would count against the server. Set before the
        // first HttpClient reads it.
        System.getProperties().putIfAbsent("jdk.httpclient.keepalive.timeout", "10");
        new RegistrationBenchmark().run();
    }

    private void run() throws Exception {
        var server = Path.of(System.getProperty("switchboard.server.dir")).toAbsolutePath();
        var ear = Path.of(System.getProperty("switchboard.ear")).toAbsolutePath();
        var dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        var heap = System.getProperty("bench.heap", "512m");
        // The server's memory flags (docs/benchmarks, "Tuning tried"): a heap that starts small and
        // gives back what it does not use, the serial collector (two cores: no concurrent GC
        // threads competing with the work, no G1 remembered sets) and smaller thread stacks took the
        // RSS after the steps from 809-947 MiB (-Xms512m, G1) to 694 MiB in the same short run.
        // Every 5 s the JVM hands the C heap's free memory back to the system (malloc_trim): the
        // compilers' arenas and other native allocations that glibc would otherwise keep. A young
        // generation of at most 48 MiB (the serial collector let it grow to 85 MiB under load, the
        // tenured generation beside it) took the RSS after the steps from 698-755 MiB (five runs)
        // to 660-685 MiB (four full runs).
        var memory = System.getProperty(
                "bench.memory.args",
                "-Xms96m -XX:+UseSerialGC -XX:MaxNewSize=48m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
                        + " -Xss512k -XX:TrimNativeHeapInterval=5000");
        var jvmArgs = System.getProperty("bench.jvm.args", "");
        var javaOpts = "-Xmx" + heap + " " + memory + " -Djava.net.preferIPv4Stack=true " + jvmArgs;
        results.quick = Boolean.getBoolean("bench.quick");
        results.stepSeconds = Integer.getInteger("bench.step.seconds", 20);
        results.refineRounds = Integer.getInteger("bench.refine.rounds", 2);
        results.heap = (heap + " " + memory + " " + jvmArgs).strip();

        WildFly.deleteRecursively(dir);
        Files.createDirectories(dir);
        started = System.nanoTime();
        benchStart = Instant.now();
        phase("start: durable PostgreSQL");
        try (var database = Database.durable(dir.resolve("postgres"));
                var db = connect(database)) {
            databasePid = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid"))
                    .get(0)
                    .strip());
            results.durability = durability(db);
            rows = new Rows(db);
            if (!results.quick) {
                phase("empty server (same layers, no deployment)");
                results.empty = Servers.empty(server, dir.resolve("empty"), database, javaOpts);
            }
            phase("Switchboard server boot, the payment provider beside it (as the run command)");
            // The provider's ports follow the server's offset: 8091/8092 are the run command's.
            try (var provider = PaymentProvider.start(
                    Path.of(System.getProperty("switchboard.payment-provider.jar")),
                    8091 + Servers.PORT_OFFSET,
                    8092 + Servers.PORT_OFFSET,
                    dir.resolve("payment-provider.log"),
                    PaymentProvider.Webhook.to(WildFly.HTTP_PORT + Servers.PORT_OFFSET))) {
                var wildfly = Servers.start(
                        server, dir.resolve("wildfly"), ear, database, javaOpts + " " + provider.jvmArguments());
                try (var backlogDb = connect(database);
                        var backlog = new Backlog(backlogDb, benchStart)) {
                    measure(wildfly, server, database, db, dir);
                    results.backlog = backlog.samples();
                } finally {
                    wildfly.stop();
                }
            }
        }
        var report = new Report(results, dir).write();
        Files.writeString(dir.resolve("report.md"), report);
        System.out.println(report);
    }

    private void measure(WildFly wildfly, Path server, Database database, Connection db, Path dir) throws Exception {
        if (!wildfly.awaitReady(Duration.ofMinutes(3))) {
            throw new IllegalStateException("WildFly did not start, see " + dir.resolve("wildfly/log"));
        }
        var startedMillis = Servers.awaitStarted(dir.resolve("wildfly"));
        results.journal = Servers.journal(dir.resolve("wildfly"));
        serverPid = wildfly.serverJvm().orElseThrow().pid();
        results.switchboard = new Servers.Boot(startedMillis, Machine.rssMiB(serverPid));
        var base = URI.create("http://localhost:" + (WildFly.HTTP_PORT + Servers.PORT_OFFSET));
        load = new OpenLoad(base);
        phase("peer deployment");
        var peerWar = Path.of(System.getProperty("bench.peer.war")).toAbsolutePath();
        Servers.installPeer(server, dir.resolve("wildfly"), peerWar, db);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> load.registerOne(Flow.PEER, "peer-probe@bench.example"));
        if (!results.quick) {
            Baselines.measure(results, base, database.settings(), db, dir, this::phase);
        }
        phase("warm-up, both flows");
        for (var rate : new int[] {50, 100}) {
            for (var flow : Flow.values()) {
                step(flow, "w" + rate, rate, warmupSeconds());
            }
        }
        // 25/s apart up to 200 (the peer reached 150 and 175 in runs): two rounds of bisection then
        // resolve either flow's maximum to about 6/s, not 13/s as in a bracket of 150-200.
        var search = new RateSearch(results, this::step, this::phase);
        search.stepUp(ints("bench.rates", "25,50,75,100,125,150,175,200,250,300,400"));
        search.refine(results.refineRounds);
        if (!results.quick) {
            shares();
        }
        results.rssAfterRun = Machine.rssMiB(serverPid);
        results.peakRssAfterRun = Machine.peakRssMiB(serverPid);
        orders(base, db, ints("bench.order.rates", "10,20"));
        results.rssAfterOrders = Machine.rssMiB(serverPid);
        if (!results.quick) {
            // Last: the flight recorder stays loaded after a recording (its classes, buffers and
            // retransformed event classes, about 100 MiB), and no reading above should include it.
            profiles(dir);
            results.rssAfterProfile = Machine.rssMiB(serverPid);
        }
    }

    /**
     * After the registration steps: customers and a product set up, a warm-up at the first rate (not
     * reported), then each order rate for a step, each drained before the next.
     */
    private void orders(URI base, Connection db, int[] rates) throws Exception {
        if (rates.length == 0) {
            return;
        }
        phase("orders: customers and product");
        var orders = Orders.open(load, base, db);
        var drain = Duration.ofSeconds(Integer.getInteger("bench.order.drain.seconds", 30));
        LongSupplier serverCpu = () -> Machine.cpuMillis(serverPid);
        LongSupplier databaseCpu = () -> Machine.treeCpuMillis(databasePid);
        phase("orders: warm-up at " + rates[0] + "/s");
        orders.step("order-w" + stepNumber.incrementAndGet(), rates[0], warmupSeconds(), drain, serverCpu, databaseCpu);
        for (var rate : rates) {
            phase("orders at " + rate + "/s");
            var name = "order-r" + rate + "-" + stepNumber.incrementAndGet();
            results.orders.add(orders.step(name, rate, results.stepSeconds, drain, serverCpu, databaseCpu));
            TimeUnit.SECONDS.sleep(2);
        }
    }

    private static int warmupSeconds() {
        return Integer.getInteger("bench.warmup.seconds", 30);
    }

    /** A comma-separated list of rates; an empty one is none. */
    private static int[] ints(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(","))
                .map(String::strip)
                .filter(rate -> !rate.isEmpty())
                .mapToInt(Integer::parseInt)
                .toArray();
    }

    /** Each flow at 25, 50 and 75 % of its maximum. */
    private void shares() throws Exception {
        for (var percent : new int[] {25, 50, 75}) {
            phase("at " + percent + " % of each flow's maximum");
            for (var flow : Flow.values()) {
                results.atShares.add(step(flow, "p" + percent, half(flow, percent), results.stepSeconds));
            }
        }
    }

    /**
     * Each flow once more at 50 % of its maximum under a JFR recording, a step of its own so that the
     * recording's cost stays out of the figures of the other steps.
     */
    private void profiles(Path dir) throws Exception {
        phase("JFR recording at 50 % of each flow's maximum");
        for (var flow : Flow.values()) {
            var jfr = dir.resolve("profile-" + flow.name().toLowerCase(java.util.Locale.ROOT) + ".jfr");
            Profile.startWhenIdle(serverPid, jfr, flow.label);
            step(flow, "jfr", half(flow, 50), results.stepSeconds);
            Profile.stop(serverPid);
            results.profiles.put(flow, Profile.summarise(jfr));
        }
    }

    private int half(Flow flow, int percent) {
        return Math.max(1, results.max.getOrDefault(flow, 0) * percent / 100);
    }

    private Step step(Flow flow, String name, int rate, int seconds) throws Exception {
        var schedule = new OpenLoad.Schedule(flow, name + "-" + stepNumber.incrementAndGet(), rate, seconds);
        var server0 = Machine.cpuMillis(serverPid);
        var database0 = Machine.treeCpuMillis(databasePid);
        var outcome = load.run(schedule);
        var contacts = rows.awaitEffects(outcome);
        var cpu = new Step.Cpu(Machine.cpuMillis(serverPid) - server0, Machine.treeCpuMillis(databasePid) - database0);
        var onTime = rows.contactsBy(outcome, outcome.due(schedule.requests()).plusSeconds(2));
        var step = new Step(outcome, rows.timeToEffect(outcome), contacts, onTime, cpu);
        LOG.log(
                System.Logger.Level.INFO,
                "{0} {1}/s: {2} ok, {3} errors, {4} refused, achieved {5}/s, REST p99 {6} ms, effect p99 {7} ms,"
                        + " on time {8}/{9}, lateness p99 {10} ms, server CPU {11} ms/reg, kept up: {12}",
                flow.label,
                rate,
                outcome.counts().ok(),
                outcome.counts().errors(),
                outcome.counts().refused(),
                String.format("%.1f", outcome.achievedRate()),
                String.format("%.1f", step.restMillis(0.99)),
                String.format("%.1f", step.effectMillis(0.99)),
                onTime,
                schedule.requests(),
                String.format("%.2f", step.latenessMillis(0.99)),
                String.format("%.2f", step.serverCpuPerRegistration()),
                step.keptUp());
        TimeUnit.SECONDS.sleep(2);
        return step;
    }

    private void phase(String name) {
        var at = (System.nanoTime() - started) / 1e9;
        results.phases.add(new Results.Phase(name, Machine.load(), at));
        LOG.log(System.Logger.Level.INFO, "Phase: {0} (load average {1})", name, Machine.load());
    }

    private static Connection connect(Database database) throws java.sql.SQLException {
        var s = database.settings();
        return DriverManager.getConnection(
                "jdbc:postgresql://" + s.get("switchboard.db.host") + ":" + s.get("switchboard.db.port") + "/"
                        + s.get("switchboard.db.name"),
                s.get("switchboard.db.user"),
                s.get("switchboard.db.password"));
    }

    private static String durability(Connection db) throws java.sql.SQLException {
        var out = new StringBuilder();
        try (var s = db.createStatement()) {
            for (var setting : new String[] {"fsync", "synchronous_commit", "wal_sync_method", "full_page_writes"}) {
                try (var rs = s.executeQuery("show " + setting)) {
                    rs.next();
                    out.append(setting).append('=').append(rs.getString(1)).append(' ');
                }
            }
        }
        return out.toString().strip();
    }
}
