package org.switchboard.resilience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.switchboard.devserver.Database;
import org.switchboard.devserver.WildFly;

/**
 * The provisioned WildFly with switchboard.ear (started by the launcher's {@link WildFly}), its state
 * and logs in a directory of the scenario, its console appended to {@code console.log} there.
 * Restarts keep that directory: the Artemis journal and the transaction log survive, as they would
 * on a real host.
 */
final class Server implements AutoCloseable {

    private static final Duration BOOT = Duration.ofMinutes(3);

    private final Path provisioned;
    private final Path ear;
    private final Path base;
    private final Database database;
    private final String javaOpts;
    private final Ports ports;
    private WildFly wildfly;

    Server(Path provisioned, Path ear, Path base, Database database, String javaOpts, Ports ports) {
        this.provisioned = provisioned;
        this.ear = ear;
        this.base = base;
        this.database = database;
        this.javaOpts = javaOpts;
        this.ports = ports;
    }

    /** Starts and waits until the REST API answers; fails if it does not within three minutes. */
    void start() throws IOException, InterruptedException {
        Files.createDirectories(base);
        var console =
                ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile());
        wildfly = WildFly.start(provisioned, base, ear, database, javaOpts, console, ports.offset());
        if (!wildfly.awaitReady(BOOT)) {
            throw new IllegalStateException("WildFly did not come up in " + BOOT + ": see " + base.resolve("log"));
        }
    }

    /** kill -9 of the server JVM: no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        var jvm = wildfly.serverJvm().orElseThrow(() -> new IllegalStateException("No server JVM"));
        jvm.destroyForcibly();
        jvm.onExit().join();
        wildfly.waitFor();
    }

    /** SIGTERM: WildFly's graceful shutdown. */
    void stop() throws InterruptedException {
        if (wildfly != null) {
            wildfly.stop();
        }
    }

    Path logDirectory() {
        return base.resolve("log");
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
