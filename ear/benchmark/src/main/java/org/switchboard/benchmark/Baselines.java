package org.switchboard.benchmark;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What the box can do raw, measured in the same run: the database with pgbench (Debian's, talking to
 * the benchmark's PostgreSQL), a single-row insert per transaction and the same insert committed in
 * two phases (PREPARE TRANSACTION, COMMIT PREPARED); the broker through the peer's probe
 * (persistent send and receive on the server's own embedded Artemis).
 */
final class Baselines {

    /** A raw measurement at one client count: rate per second. */
    record Rate(String what, int clients, double perSecond) {}

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private static final String INSERT = "INSERT INTO bench.raw (payload) VALUES (repeat('x', 300));\n";

    private static final String TWO_PHASE = """
            \\set n random(1, 2000000000)
            BEGIN;
            INSERT INTO bench.raw (payload) VALUES (repeat('x', 300));
            PREPARE TRANSACTION 'bench-:client_id-:n';
            COMMIT PREPARED 'bench-:client_id-:n';
            """;

    private Baselines() {}

    /** Both, at 1, 8 and 32 clients, for {@code bench.baseline.seconds} each; {@code phase} marks each. */
    static void measure(
            Results results, URI base, Map<String, String> database, Connection db, Path dir, Consumer<String> phase)
            throws IOException, InterruptedException, SQLException {
        var clientCounts = new int[] {1, 8, 32};
        var seconds = Integer.getInteger("bench.baseline.seconds", 8);
        phase.accept("raw database (pgbench)");
        prepareDatabase(db);
        for (var twoPhase : new boolean[] {false, true}) {
            for (var clients : clientCounts) {
                results.database.add(pgbench(database, dir, twoPhase, clients, seconds));
            }
        }
        phase.accept("raw broker (persistent send + receive)");
        for (var transacted : new boolean[] {false, true}) {
            for (var clients : clientCounts) {
                results.broker.add(broker(base, transacted, clients, seconds));
            }
        }
    }

    static void prepareDatabase(Connection db) throws SQLException {
        try (var s = db.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("create table if not exists bench.raw (id bigserial primary key, payload text not null)");
        }
    }

    /** pgbench's transactions per second with {@code clients} connections for {@code seconds}. */
    static Rate pgbench(Map<String, String> db, Path dir, boolean twoPhase, int clients, int seconds)
            throws IOException, InterruptedException {
        var script = dir.resolve(twoPhase ? "two-phase.sql" : "insert.sql");
        Files.writeString(script, twoPhase ? TWO_PHASE : INSERT);
        var command = new ProcessBuilder(
                        "pgbench",
                        "-n",
                        "-h",
                        db.get("switchboard.db.host"),
                        "-p",
                        db.get("switchboard.db.port"),
                        "-U",
                        db.get("switchboard.db.user"),
                        "-c",
                        String.valueOf(clients),
                        "-j",
                        String.valueOf(Math.min(clients, 2)),
                        "-T",
                        String.valueOf(seconds),
                        "-f",
                        script.toString(),
                        db.get("switchboard.db.name"))
                .redirectErrorStream(true);
        command.environment().put("PGPASSWORD", db.get("switchboard.db.password"));
        var process = command.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        var tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench gave no tps:\n" + output);
        }
        return new Rate(
                twoPhase ? "PostgreSQL insert, two-phase commit" : "PostgreSQL insert",
                clients,
                Double.parseDouble(tps.group(1)));
    }

    /** Persistent messages per second sent and received on the server's broker (the peer's probe). */
    static Rate broker(URI base, boolean transacted, int clients, int seconds)
            throws IOException, InterruptedException {
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(base.resolve("/peer/api/raw-broker?clients=" + clients + "&seconds="
                        + seconds + "&transacted=" + transacted))
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "raw-broker probe answered " + response.statusCode() + ": " + response.body());
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            var result = reader.readObject();
            return new Rate(
                    transacted
                            ? "Artemis send + receive, each committed"
                            : "Artemis persistent send + auto-ack receive",
                    clients,
                    result.getJsonNumber("rate").doubleValue());
        }
    }
}
