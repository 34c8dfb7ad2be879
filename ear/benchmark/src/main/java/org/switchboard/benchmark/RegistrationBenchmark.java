package org.switchboard.benchmark;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.devserver.Database;
import org.switchboard.devserver.WildFly;

/**
 * {@code ./mvnw -Pbench}: the registration flow under load, on the same provisioned server and a
 * fresh embedded PostgreSQL. For each concurrency level it sends N registrations over HTTP and
 * reports the REST round trip (customer row + CustomerRegistered under XA), and the end-to-end
 * time until Marketing's contact exists (two more XA transactions, two MDB hops), taken from the
 * rows' own timestamps. Also the server JVM's resident memory. Writes target/bench/report.md.
 */
public final class RegistrationBenchmark {

    record Run(
            int concurrency,
            int requests,
            int errors,
            double seconds,
            long[] latenciesMicros,
            double[] endToEndMillis,
            double drainSeconds,
            double journeySeconds) {

        double throughput() {
            return requests / seconds;
        }

        double percentile(double p) {
            var index = (int) Math.ceil(p * latenciesMicros.length) - 1;
            return latenciesMicros[Math.max(0, index)] / 1000.0;
        }
    }

    public static void main(String[] args) throws Exception {
        var server = Path.of(System.getProperty("switchboard.server.dir")).toAbsolutePath();
        var ear = Path.of(System.getProperty("switchboard.ear")).toAbsolutePath();
        var dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        var requests = Integer.getInteger("bench.requests", 2000);
        var warmup = Integer.getInteger("bench.warmup", 500);
        var levels = Arrays.stream(
                        System.getProperty("bench.concurrency", "1,8,32").split(","))
                .map(String::strip)
                .mapToInt(Integer::parseInt)
                .toArray();

        WildFly.deleteRecursively(dir);
        Files.createDirectories(dir);
        try (var database = Database.start(dir.resolve("postgres"), false)) {
            var heap = System.getProperty("bench.heap", "512m");
            var wildfly = WildFly.start(
                    server,
                    dir.resolve("wildfly"),
                    ear,
                    database,
                    "-Xms" + heap + " -Xmx" + heap + " -Djava.net.preferIPv4Stack=true");
            try {
                if (!wildfly.awaitReady(Duration.ofMinutes(3))) {
                    throw new IllegalStateException("WildFly did not start");
                }
                var settings = database.settings();
                var jdbc = "jdbc:postgresql://" + settings.get("switchboard.db.host") + ":"
                        + settings.get("switchboard.db.port") + "/" + settings.get("switchboard.db.name");
                try (var db = DriverManager.getConnection(
                        jdbc, settings.get("switchboard.db.user"), settings.get("switchboard.db.password"))) {
                    run("warmup", warmup, 8, db);
                    var runs = new ArrayList<Run>();
                    for (var level : levels) {
                        runs.add(run("c" + level, requests, level, db));
                    }
                    var rss = wildfly.serverJvm()
                            .map(p -> residentMemory(p.pid()))
                            .orElse("n/a");
                    var report = report(runs, rss, heap);
                    Files.writeString(dir.resolve("report.md"), report);
                    System.out.println(report);
                }
            } finally {
                wildfly.stop();
            }
        }
    }

    private static Run run(String batch, int requests, int concurrency, Connection db) throws Exception {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var next = new AtomicInteger();
        var errors = new AtomicInteger();
        var latencies = new long[requests];
        var pool = Executors.newFixedThreadPool(concurrency);
        var started = System.nanoTime();
        var startedAt = Instant.now();
        for (int t = 0; t < concurrency; t++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    var body = "{\"email\":\"" + batch + "-" + i
                            + "@bench.example\",\"givenName\":\"Bench\",\"familyName\":\"Client " + i
                            + "\",\"marketingConsent\":" + (i % 2 == 0) + "}";
                    var request = HttpRequest.newBuilder(URI.create("http://localhost:8080/api/customers"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    var t0 = System.nanoTime();
                    try {
                        if (http.send(request, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                != 201) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = (System.nanoTime() - t0) / 1000;
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        var seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);

        var pattern = batch + "-%@bench.example";
        var expected = requests - errors.get();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> contacts(db, pattern) >= expected);
        var endToEnd = endToEnd(db, pattern);
        var drain = drainSeconds(db, pattern, startedAt);
        // Two journey notes per registration (Integration's and Marketing's), recorded by Operations.
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> journeyNotes(db, pattern) >= 2L * expected);
        var journey = journeySeconds(db, pattern, startedAt);
        var run = new Run(concurrency, requests, errors.get(), seconds, latencies, endToEnd, drain, journey);
        System.out.printf(
                "%s: %d requests, %d errors, %.0f/s, p50 %.1f ms, p99 %.1f ms%n",
                batch, requests, errors.get(), run.throughput(), run.percentile(0.5), run.percentile(0.99));
        return run;
    }

    private static long contacts(Connection db, String pattern) throws SQLException {
        try (var s = db.prepareStatement("select count(*) from marketing.contact where email like ?")) {
            s.setString(1, pattern);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long journeyNotes(Connection db, String pattern) throws SQLException {
        try (var s = db.prepareStatement("""
                select count(*) from operations.journey_step j
                  join webstore.customer w on w.correlation_id = j.correlation_id
                 where w.email like ?""")) {
            s.setString(1, pattern);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** From the first request to the last journey note recorded. */
    private static double journeySeconds(Connection db, String pattern, Instant startedAt) throws SQLException {
        try (var s = db.prepareStatement("""
                select max(j.recorded_at) from operations.journey_step j
                  join webstore.customer w on w.correlation_id = j.correlation_id
                 where w.email like ?""")) {
            s.setString(1, pattern);
            try (var rs = s.executeQuery()) {
                rs.next();
                return Duration.between(startedAt, rs.getTimestamp(1).toInstant())
                                .toMillis()
                        / 1000.0;
            }
        }
    }

    /** Customer committed (its registered_at) to contact created, per registration: p50, p95, p99 in ms. */
    private static double[] endToEnd(Connection db, String pattern) throws SQLException {
        try (var s = db.prepareStatement("""
                select percentile_cont(array[0.5, 0.95, 0.99]) within group (
                         order by extract(epoch from (c.created_at - w.registered_at)) * 1000)
                  from marketing.contact c join webstore.customer w on w.id = c.customer_id
                 where c.email like ?""")) {
            s.setString(1, pattern);
            try (var rs = s.executeQuery()) {
                rs.next();
                var values = (Double[]) rs.getArray(1).getArray();
                return new double[] {values[0], values[1], values[2]};
            }
        }
    }

    /** From the first request to the last contact: how long the whole batch took to reach Marketing. */
    private static double drainSeconds(Connection db, String pattern, Instant startedAt) throws SQLException {
        try (var s = db.prepareStatement("select max(created_at) from marketing.contact where email like ?")) {
            s.setString(1, pattern);
            try (var rs = s.executeQuery()) {
                rs.next();
                return Duration.between(startedAt, rs.getTimestamp(1).toInstant())
                                .toMillis()
                        / 1000.0;
            }
        }
    }

    private static String residentMemory(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.replace("VmRSS:", "").strip())
                    .findFirst()
                    .orElse("n/a");
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String report(List<Run> runs, String rss, String heap) {
        var out = new StringBuilder();
        out.append(
                "| clients | requests | errors | REST throughput /s | REST p50 ms | p95 ms | p99 ms | to contact p50 ms | p95 ms | p99 ms | batch in Marketing after s | journey recorded after s |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var r : runs) {
            out.append(String.format(
                    "| %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f | %.1f | %.1f |%n",
                    r.concurrency(),
                    r.requests(),
                    r.errors(),
                    r.throughput(),
                    r.percentile(0.5),
                    r.percentile(0.95),
                    r.percentile(0.99),
                    r.endToEndMillis()[0],
                    r.endToEndMillis()[1],
                    r.endToEndMillis()[2],
                    r.drainSeconds(),
                    r.journeySeconds()));
        }
        out.append("\nServer JVM resident memory after the runs: ")
                .append(rss)
                .append(" (heap -Xmx")
                .append(heap)
                .append(", ")
                .append(Runtime.version())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores)\n");
        return out.toString();
    }
}
