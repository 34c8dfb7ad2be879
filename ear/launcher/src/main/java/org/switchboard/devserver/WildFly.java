package org.switchboard.devserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The provisioned server (ear/server/target/server) started as a child process with switchboard.ear, its
 * state in a base directory of its own, so the provisioned server stays clean for the tests.
 */
public final class WildFly {

    /** The HTTP port with no offset; the management port is {@code 9990} plus the same offset. */
    public static final int HTTP_PORT = 8080;

    public static final int MANAGEMENT_PORT = 9990;

    /** The system property that shifts every port of the server (WildFly's own). */
    static final String PORT_OFFSET = "jboss.socket.binding.port-offset";

    private static final String PROBE_USER = "staff";

    private final Process process;
    private final String host;
    private final int portOffset;

    private WildFly(Process process, String host, int portOffset) {
        this.process = process;
        this.host = host;
        this.portOffset = portOffset;
    }

    /**
     * WildFly's console repeats its server log; the run command turns it off unless asked for
     * ({@code -Dswitchboard.console.log.level=INFO}) and points to the log instead.
     */
    static final String CONSOLE_LEVEL = "switchboard.console.log.level";

    public static WildFly start(Path server, Path base, Path ear, Database database, String javaOpts)
            throws IOException {
        return start(server, base, ear, database, javaOpts, ProcessBuilder.Redirect.INHERIT);
    }

    /** As above, with the server's console going to {@code console} (a file, say) instead of ours. */
    public static WildFly start(
            Path server, Path base, Path ear, Database database, String javaOpts, ProcessBuilder.Redirect console)
            throws IOException {
        return start(server, base, ear, database, javaOpts, console, 0);
    }

    /**
     * As above, every port shifted by {@code portOffset} (HTTP on 8080 + offset, management on 9990
     * + offset), so that a second server (a harness's, say) runs next to one on the usual ports.
     */
    public static WildFly start(
            Path server,
            Path base,
            Path ear,
            Database database,
            String javaOpts,
            ProcessBuilder.Redirect console,
            int portOffset)
            throws IOException {
        return start(
                server,
                base,
                ear,
                database,
                javaOpts,
                console,
                portOffset,
                BrokerIdentities.generate(),
                java.util.Map.of());
    }

    /**
     * As above with given broker passwords (nodes of one cluster share them) and more system
     * properties for this server (its node name, its transaction node identifier, say).
     */
    public static WildFly start(
            Path server,
            Path base,
            Path ear,
            Database database,
            String javaOpts,
            ProcessBuilder.Redirect console,
            int portOffset,
            java.util.Map<String, String> brokerPasswords,
            java.util.Map<String, String> systemProperties)
            throws IOException {
        return start(
                server,
                base,
                ear,
                database.settings(),
                javaOpts,
                console,
                portOffset,
                brokerPasswords,
                systemProperties,
                "127.0.0.1",
                UnaryOperator.identity());
    }

    /**
     * As above with the database's settings given, listening on {@code host} (public and management
     * interfaces), started through {@code launch} (cluster mode runs a node in its network namespace
     * that way, {@link HostNetwork#onNode}).
     */
    public static WildFly start(
            Path server,
            Path base,
            Path ear,
            java.util.Map<String, String> databaseSettings,
            String javaOpts,
            ProcessBuilder.Redirect console,
            int portOffset,
            java.util.Map<String, String> brokerPasswords,
            java.util.Map<String, String> systemProperties,
            String host,
            UnaryOperator<List<String>> launch)
            throws IOException {
        for (var port : new int[] {HTTP_PORT, 8443, MANAGEMENT_PORT}) {
            if (!free(host, port + portOffset)) {
                throw new IllegalStateException("Port " + (port + portOffset)
                        + " is in use: stop whatever listens there (another WildFly?) and try again");
            }
        }
        prepareBaseDir(server, base, ear, brokerPasswords);
        var command = new ArrayList<String>();
        command.add(server.resolve("bin/standalone.sh").toString());
        command.add("-Djboss.server.base.dir=" + base);
        databaseSettings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        brokerPasswords.forEach((k, v) -> command.add("-D" + k + "=" + v));
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-b=" + host);
        command.add("-bmanagement=" + host);
        command.add("-D" + PORT_OFFSET + "=" + portOffset);
        command.add("-D" + CONSOLE_LEVEL + "=" + System.getProperty(CONSOLE_LEVEL, "OFF"));
        var launched = launch.apply(command);
        var builder = console == ProcessBuilder.Redirect.INHERIT
                ? new ProcessBuilder(launched).inheritIO()
                : new ProcessBuilder(launched).redirectOutput(console).redirectErrorStream(true);
        // The script then forwards SIGTERM to the server JVM and waits for it to stop.
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        builder.environment().putIfAbsent("JAVA_OPTS", javaOpts);
        return new WildFly(builder.start(), host, portOffset);
    }

    /** Free if nothing accepts a connection on it where WildFly will bind it. */
    private static boolean free(String host, int port) {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, port), 500);
            return false;
        } catch (IOException nothingListens) {
            return true;
        }
    }

    /** True once the REST API answers; false if the server died or did not come up in time. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var credentials = PROBE_USER + ":" + DemoUsers.USERS.get(PROBE_USER).password();
        // A read that needs the database; customers are personal data, so it logs in as the demo staff user.
        var readyProbe = URI.create("http://" + (host.equals("127.0.0.1") ? "localhost" : host) + ":"
                + (HTTP_PORT + portOffset) + "/api/customers?limit=1");
        var probe = HttpRequest.newBuilder(readyProbe)
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build();
        var deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            TimeUnit.SECONDS.sleep(1);
        }
        return false;
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The server JVM (a child of standalone.sh), for reading its memory use. */
    public Optional<ProcessHandle> serverJvm() {
        return process.descendants()
                .filter(p -> p.info().command().orElse("").endsWith("java"))
                .findFirst();
    }

    public void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private static void prepareBaseDir(Path server, Path base, Path ear, java.util.Map<String, String> brokerPasswords)
            throws IOException {
        var provisioned = server.resolve("standalone");
        // The configuration comes fresh from the provisioned server each time (jms-config/ may have
        // changed); data (the Artemis journal, transaction logs) and logs stay.
        var configuration = base.resolve("configuration");
        deleteRecursively(configuration);
        copyRecursively(provisioned.resolve("configuration"), configuration);
        DemoUsers.install(configuration);
        BrokerIdentities.install(configuration, brokerPasswords);
        var deployments = Files.createDirectories(base.resolve("deployments"));
        // No EAR: the empty server with the same layers (the benchmark's boot and memory baseline).
        if (ear != null) {
            Files.copy(ear, deployments.resolve("switchboard.ear"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (var path : (Iterable<Path>) paths::iterator) {
                var target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
