package org.switchboard.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL Switchboard talks to: an external one when {@code SWITCHBOARD_DB_HOST} is set, or
 * else an embedded one (zonky binaries from Maven Central) on a free port, prepared for XA.
 */
public final class Database implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Database.class.getName());

    private final EmbeddedPostgres embedded;
    private final Map<String, String> settings;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Database(EmbeddedPostgres embedded, Map<String, String> settings) {
        this.embedded = embedded;
        this.settings = settings;
    }

    /** External if the environment names one, else embedded with its data in {@code dataDir}. */
    public static Database start(Path dataDir, boolean keepData) {
        return start(dataDir, keepData, "127.0.0.1", null);
    }

    /**
     * As above; an embedded one also listens on {@code host} (besides localhost) and admits the
     * {@code switchboard} user from {@code clientSubnet} (CIDR; null: only from this machine) with its
     * password: cluster mode's nodes in network namespaces ({@link HostNetwork}).
     */
    public static Database start(Path dataDir, boolean keepData, String listenHost, String clientSubnet) {
        var host = System.getenv("SWITCHBOARD_DB_HOST");
        if (host != null && !host.isBlank()) {
            var settings = settings(
                    host,
                    env("SWITCHBOARD_DB_PORT", "5432"),
                    env("SWITCHBOARD_DB_NAME", "switchboard"),
                    env("SWITCHBOARD_DB_USER", "switchboard"),
                    env("SWITCHBOARD_DB_PASSWORD", "switchboard"));
            LOG.log(
                    System.Logger.Level.INFO,
                    "Using external PostgreSQL at {0}:{1}",
                    host,
                    settings.get("switchboard.db.port"));
            return new Database(null, settings);
        }
        return embedded(dataDir, keepData, keepData, listenHost, clientSubnet);
    }

    /**
     * Embedded, fresh, with fsync and synchronous commit on as a production PostgreSQL has them (the
     * benchmark's: a database that may lose commits would overstate what Switchboard can do).
     */
    public static Database durable(Path dataDir) {
        return embedded(dataDir, false, true, "127.0.0.1", null);
    }

    /** A PostgreSQL someone else runs and controls, e.g. the resilience suite's own cluster. */
    public static Database external(String host, int port, String name, String user, String password) {
        return new Database(null, settings(host, String.valueOf(port), name, user, password));
    }

    private static Database embedded(
            Path dataDir, boolean keepData, boolean durable, String host, String clientSubnet) {
        try {
            var builder = EmbeddedPostgres.builder();
            if (clientSubnet != null) {
                builder.setServerConfig("listen_addresses", "localhost," + host);
            }
            var pg = builder.setDataDirectory(dataDir)
                    .setCleanDataDirectory(!keepData)
                    .setPort(freePort())
                    // Whoever starts the database stops it, after WildFly: zonky's own hook would
                    // run concurrently with ours and could stop PostgreSQL under a running server.
                    .setRegisterShutdownHook(false)
                    // Switchboard no longer prepares branches (ADR 0009); a database carried over
                    // from the XA design may still hold some, and needs this to resolve them.
                    .setServerConfig("max_prepared_transactions", "64")
                    .setServerConfig("max_connections", "120")
                    // zonky turns durability off for speed; data the run command keeps must survive
                    // a crash, so it gets fsync and synchronous commit back, and so does the
                    // benchmark's. The tests' throwaway databases keep them off.
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .start();
            try (var c = pg.getPostgresDatabase().getConnection();
                    var s = c.createStatement()) {
                s.execute("do $$ begin if not exists (select from pg_roles where rolname = 'switchboard') then "
                        + "create role switchboard login password 'switchboard'; end if; end $$");
                try (var rs = s.executeQuery("select 1 from pg_database where datname = 'switchboard'")) {
                    if (!rs.next()) {
                        s.execute("create database switchboard owner switchboard");
                    }
                }
                if (clientSubnet != null) {
                    admit(s, clientSubnet);
                }
            }
            LOG.log(
                    System.Logger.Level.INFO,
                    "Embedded PostgreSQL on port {0}, data in {1}",
                    String.valueOf(pg.getPort()),
                    dataDir);
            return new Database(
                    pg,
                    settings("localhost", String.valueOf(pg.getPort()), "switchboard", "switchboard", "switchboard"));
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded PostgreSQL started but could not be prepared", e);
        }
    }

    /**
     * initdb's pg_hba.conf admits only this machine; a line more lets the switchboard user in from
     * {@code subnet} with its password (SCRAM), read at once (pg_reload_conf).
     */
    private static void admit(java.sql.Statement s, String subnet) throws SQLException, IOException {
        String hbaFile;
        try (var rs = s.executeQuery("show hba_file")) {
            rs.next();
            hbaFile = rs.getString(1);
        }
        var hba = Path.of(hbaFile);
        var line = "host switchboard switchboard " + subnet + " scram-sha-256";
        if (!java.nio.file.Files.readString(hba).contains(line)) {
            java.nio.file.Files.writeString(
                    hba,
                    "\n# Cluster mode's nodes (Switchboard launcher)\n" + line + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
        }
        s.execute("select pg_reload_conf()");
    }

    /** Whether this is the embedded PostgreSQL (listening here) rather than an external one. */
    public boolean embedded() {
        return embedded != null;
    }

    /** The system properties jms-config/datasource.cli resolves, e.g. {@code switchboard.db.port}. */
    public Map<String, String> settings() {
        return settings;
    }

    public String jvmArguments() {
        var args = new StringBuilder();
        settings.forEach((k, v) -> args.append(" -D").append(k).append('=').append(v));
        return args.toString().strip();
    }

    @Override
    public void close() {
        if (embedded != null && closed.compareAndSet(false, true)) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

    private static Map<String, String> settings(String host, String port, String name, String user, String password) {
        var settings = new LinkedHashMap<String, String>();
        settings.put("switchboard.db.host", host);
        settings.put("switchboard.db.port", port);
        settings.put("switchboard.db.name", name);
        settings.put("switchboard.db.user", user);
        settings.put("switchboard.db.password", password);
        return settings;
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
