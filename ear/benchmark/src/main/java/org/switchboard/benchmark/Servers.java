package org.switchboard.benchmark;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.switchboard.devserver.Database;
import org.switchboard.devserver.WildFly;

/**
 * The benchmark's servers, on WildFly port offset {@code bench.port-offset} (200: HTTP 8280,
 * management 10190) so that it runs beside a developer's server: the empty one (same provisioned
 * layers, no deployment) for the boot and memory baseline, and Switchboard's with the peer added.
 */
final class Servers {

    static final int PORT_OFFSET = Integer.getInteger("bench.port-offset", 200);

    /** How long a server took to start (WildFly's own figure, WFLYSRV0025) and its memory after. */
    record Boot(long startedMillis, long rssMiB) {}

    private static final Pattern STARTED = Pattern.compile("WFLYSRV002[56]: .* started .*in (\\d+)ms");

    private Servers() {}

    static WildFly start(Path server, Path base, Path ear, Database database, String javaOpts) throws IOException {
        Files.createDirectories(base);
        return WildFly.start(
                server,
                base,
                ear,
                database,
                javaOpts,
                ProcessBuilder.Redirect.to(base.resolve("console.log").toFile()),
                PORT_OFFSET);
    }

    /** Starts the server without any deployment, reads its boot time and memory, stops it. */
    static Boot empty(Path server, Path base, Database database, String javaOpts)
            throws IOException, InterruptedException {
        var wildfly = start(server, base, null, database, javaOpts);
        try {
            var started = awaitStarted(base);
            // Let the boot's garbage settle as it would on a server that sits there.
            await().pollDelay(Duration.ofSeconds(5)).until(() -> true);
            return new Boot(
                    started,
                    wildfly.serverJvm().map(p -> Machine.rssMiB(p.pid())).orElse(0L));
        } finally {
            wildfly.stop();
        }
    }

    /**
     * The journal Artemis runs, from its AMQ221012 line in server.log ("Using AIO Journal" when
     * libaio is installed, NIO otherwise); "unknown" if the line is missing.
     */
    static String journal(Path base) throws IOException {
        var log = base.resolve("log/server.log");
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains("AMQ221012"))
                    .map(line -> line.replaceFirst(".*Using (\\w+) Journal.*", "$1"))
                    .reduce((a, b) -> b)
                    .orElse("unknown");
        }
    }

    /** WildFly's "started in N ms", waiting for the line to appear in server.log. */
    static long awaitStarted(Path base) {
        var log = base.resolve("log/server.log");
        return await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> startedMillis(log), m -> m > 0);
    }

    private static long startedMillis(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.map(STARTED::matcher)
                    .filter(java.util.regex.Matcher::find)
                    .mapToLong(m -> Long.parseLong(m.group(1)))
                    .reduce((a, b) -> b)
                    .orElse(0);
        }
    }

    /**
     * Adds the peer beside switchboard.ear: its tables, its broker user, its queues and connection
     * factories (bench/peer.cli), then deploys peer.war.
     */
    static void installPeer(Path server, Path base, Path war, Connection db) throws Exception {
        try (var s = db.createStatement()) {
            s.execute("create schema if not exists peer");
            s.execute("""
                    create table if not exists peer.customer (
                        id uuid primary key,
                        email varchar(254) not null unique,
                        full_name varchar(200) not null,
                        registered_at timestamp(6) with time zone not null)""");
            s.execute("create index if not exists customer_registered_at_ix on peer.customer (registered_at)");
            s.execute("""
                    create table if not exists peer.contact (
                        id uuid primary key,
                        customer_id uuid not null unique,
                        email varchar(254) not null,
                        full_name varchar(200) not null,
                        created_at timestamp(6) with time zone not null)""");
            s.execute("create index if not exists contact_created_at_ix on peer.contact (created_at)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the peer's tables", e);
        }
        var configuration = base.resolve("configuration");
        Files.writeString(
                configuration.resolve("broker-users.properties"),
                "peer=" + digest("peer", "peer-bench") + "\n",
                StandardOpenOption.APPEND);
        Files.writeString(configuration.resolve("broker-roles.properties"), "peer=peer\n", StandardOpenOption.APPEND);
        var cli = base.resolve("peer.cli");
        try (var script = Servers.class.getResourceAsStream("/bench/peer.cli")) {
            Files.writeString(
                    cli, new String(script.readAllBytes(), StandardCharsets.UTF_8) + "deploy " + war + " --force\n");
        }
        var process = new ProcessBuilder(
                        server.resolve("bin/jboss-cli.sh").toString(),
                        "--connect",
                        "--controller=remote+http://127.0.0.1:" + (WildFly.MANAGEMENT_PORT + PORT_OFFSET),
                        "--file=" + cli)
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("peer-cli.log").toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("peer.cli failed, see " + base.resolve("peer-cli.log"));
        }
    }

    /** The broker realm's digest (BrokerRealm, as org.switchboard.devserver.BrokerIdentities writes it). */
    private static String digest(String user, String password) throws NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("MD5")
                        .digest((user + ":BrokerRealm:" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
