package org.switchboard.resilience;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.switchboard.devserver.Database;

/**
 * A PostgreSQL cluster of our own, durable as in production (fsync and synchronous commit on).
 * {@link #create} uses Debian's PostgreSQL binaries ({@code /usr/lib/postgresql/<major>/bin}, or
 * {@code resilience.pg.bin}), and the suite can stop it (fast or immediate) and kill it; as root the
 * cluster runs as the {@code postgres} user, since PostgreSQL refuses to run as root. Never the
 * system cluster: a data directory of its own under {@code /tmp} (the postgres user may not traverse
 * the worktree) and a free port. {@link #embedded} is the build's own embedded PostgreSQL (zonky
 * binaries from Maven Central), for a machine with nothing but a JDK: it cannot be stopped or killed
 * from outside, only cut off ({@link Partition}).
 */
final class Postgres implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Postgres.class.getName());

    /** What makes it a database that keeps a commit across a crash, plus what XA needs. */
    static final Map<String, String> SETTINGS = settings();

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final EmbeddedPostgres embedded;

    private Postgres(Path bin, Path dataDir, int port) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.embedded = null;
    }

    private Postgres(EmbeddedPostgres embedded, Path dataDir) {
        this.bin = null;
        this.dataDir = dataDir;
        this.port = embedded.getPort();
        this.embedded = embedded;
    }

    /** The embedded PostgreSQL, with this suite's durability settings; data under {@code target}. */
    static Postgres embedded(Path dataDir) throws IOException, SQLException {
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(true);
        SETTINGS.forEach((k, v) -> {
            if (!"listen_addresses".equals(k)) {
                builder.setServerConfig(k, v);
            }
        });
        var pg = new Postgres(builder.start(), dataDir);
        try (var c = pg.connect("postgres", "postgres");
                var s = c.createStatement()) {
            s.execute("create role switchboard login password 'switchboard'");
            s.execute("create database switchboard owner switchboard");
        }
        LOG.log(System.Logger.Level.INFO, "Embedded PostgreSQL {0} on port {1}", pg.version(), String.valueOf(pg.port));
        return pg;
    }

    /**
     * A PostgreSQL someone else started and stops (cluster mode's launcher, {@link ClusterSuite}): the
     * suite only reads it.
     */
    static Postgres reachedAt(int port) {
        return new Postgres(null, null, port);
    }

    /** Whether {@link #stop}, {@link #start} and {@link #kill} work: not for the embedded one nor another's. */
    boolean controllable() {
        return bin != null;
    }

    private static Map<String, String> settings() {
        var s = new LinkedHashMap<String, String>();
        s.put("fsync", "on");
        s.put("synchronous_commit", "on");
        s.put("full_page_writes", "on");
        s.put("max_prepared_transactions", "64");
        s.put("max_connections", "150");
        s.put("listen_addresses", "'127.0.0.1'");
        return s;
    }

    /** initdb, start, and a {@code switchboard} role and database as the run command expects. */
    static Postgres create(String name) throws IOException, InterruptedException, SQLException {
        var bin = DebianPostgres.binaries();
        var dir = Files.createDirectories(Path.of("/tmp/switchboard-resilience"))
                .resolve(name + "-" + ProcessHandle.current().pid());
        DebianPostgres.deleteAsOwner(dir);
        Files.createDirectories(dir);
        DebianPostgres.chownToPostgres(dir);
        var pg = new Postgres(bin, dir.resolve("data"), freePort());
        pg.run(Duration.ofMinutes(2), "initdb", "-D", pg.dataDir.toString(), "-U", "postgres", "-A", "trust");
        var conf = new StringBuilder("\n# switchboard resilience suite\n");
        SETTINGS.forEach((k, v) -> conf.append(k).append(" = ").append(v).append('\n'));
        conf.append("port = ").append(pg.port).append('\n');
        conf.append("unix_socket_directories = '").append(dir).append("'\n");
        Files.writeString(pg.dataDir.resolve("postgresql.conf"), conf, java.nio.file.StandardOpenOption.APPEND);
        pg.start();
        try (var c = pg.connect("postgres", "postgres");
                var s = c.createStatement()) {
            s.execute("create role switchboard login password 'switchboard'");
            s.execute("create database switchboard owner switchboard");
        }
        LOG.log(
                System.Logger.Level.INFO,
                "PostgreSQL {0} on port {1}, data in {2}",
                pg.version(),
                String.valueOf(pg.port),
                pg.dataDir);
        return pg;
    }

    Database database() {
        return database(port);
    }

    /** The database as the server sees it through {@code port}, e.g. a {@link Partition}'s. */
    static Database database(int port) {
        return Database.external("localhost", port, "switchboard", "switchboard", "switchboard");
    }

    Connection connect() throws SQLException {
        return connect("switchboard", "switchboard");
    }

    private Connection connect(String database, String user) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, user, user);
    }

    void start() throws IOException, InterruptedException {
        requireControllable();
        run(
                Duration.ofMinutes(3),
                "pg_ctl",
                "-D",
                dataDir.toString(),
                "-l",
                dataDir.resolveSibling("postgres.log").toString(),
                "-w",
                "-t",
                "170",
                "start");
    }

    /** {@code pg_ctl stop -m fast|immediate}: fast ends every session (57P01), immediate crashes them (08006). */
    void stop(String mode) throws IOException, InterruptedException {
        requireControllable();
        run(Duration.ofMinutes(2), "pg_ctl", "-D", dataDir.toString(), "-m", mode, "-w", "stop");
    }

    /**
     * kill -9 of the postmaster and of every backend, as a power cut would: the next start runs crash
     * recovery from the WAL. (Killing only the postmaster leaves backends holding its shared memory,
     * and a new postmaster refuses to start until they notice and exit.)
     */
    void kill() throws IOException {
        requireControllable();
        var pid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        var postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("No postmaster " + pid));
        var children = postmaster.children().toList();
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().join();
        children.forEach(p -> p.onExit().join());
    }

    String version() {
        try (var c = connect("postgres", "postgres");
                var s = c.createStatement();
                var rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The settings as the server reports them, for the report. */
    Map<String, String> effectiveSettings() {
        var result = new LinkedHashMap<String, String>();
        try (var c = connect("postgres", "postgres");
                var s = c.prepareStatement("select name, setting from pg_settings where name = any(?)")) {
            s.setArray(1, c.createArrayOf("text", SETTINGS.keySet().toArray()));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            result.put("error", e.getMessage());
        }
        return result;
    }

    /** PostgreSQL's own log, kept next to the server's before the cluster is deleted. */
    void copyLog(Path to) throws IOException {
        if (embedded != null) {
            return;
        }
        var log = dataDir.resolveSibling("postgres.log");
        if (Files.exists(log)) {
            Files.copy(log, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void requireControllable() {
        if (!controllable()) {
            throw new UnsupportedOperationException("The embedded PostgreSQL can only be partitioned");
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Embedded PostgreSQL did not stop cleanly: {0}", e.getMessage());
            }
            return;
        }
        if (!controllable()) {
            return;
        }
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                stop("fast");
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "PostgreSQL did not stop cleanly: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            DebianPostgres.deleteAsOwner(dataDir.getParent());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "{0} not deleted: {1}", dataDir.getParent(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Duration timeout, String tool, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        var log = Files.createTempFile("pg-" + tool, ".log");
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(dataDir.getParent().toFile())
                .start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(tool + " did not finish in " + timeout);
        }
        var output = Files.readString(log);
        Files.delete(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(tool + " " + String.join(" ", args) + " failed: " + output);
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }
}
