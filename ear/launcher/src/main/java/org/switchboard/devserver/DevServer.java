package org.switchboard.devserver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * The run command ({@code ./mvnw -Prun}): starts PostgreSQL (embedded, data kept in
 * {@code .switchboard/postgres}, or external), the payment provider (its own process on 8091, admin
 * 8092, log {@code .switchboard/payment-provider.log}) and the provisioned WildFly with
 * switchboard.ear, its own state in {@code .switchboard/wildfly}. WildFly's console stays quiet (its log is
 * {@code .switchboard/wildfly/log/server.log}); the console shows this launcher's lines.
 *
 * <p>Ctrl-C stops WildFly, then PostgreSQL, and the command succeeds. If WildFly dies on its own
 * (killed, crashed) the command says so, stops PostgreSQL and fails, so Maven reports BUILD FAILURE.
 * Ctrl-C is handled here, not by a shutdown hook, because a hook cannot tell a requested stop from
 * a death: both end the wait for WildFly. The hook stays for other ends of Maven (SIGTERM).
 */
public final class DevServer {

    /** Ctrl-C came. */
    private static final CountDownLatch CTRL_C = new CountDownLatch(1);

    /** Ctrl-C came, or WildFly ended. */
    private static final CountDownLatch WAKE = new CountDownLatch(1);

    public static void main(String[] args) throws Exception {
        var home = Path.of(System.getProperty("switchboard.home", ".switchboard"))
                .toAbsolutePath()
                .normalize();
        var server = Path.of(System.getProperty("switchboard.server.dir")).toAbsolutePath();
        var ear = Path.of(System.getProperty("switchboard.ear")).toAbsolutePath();
        var log = home.resolve("wildfly/log/server.log");
        var providerLog = home.resolve("payment-provider.log");

        var database = Database.start(home.resolve("postgres"), true);
        PaymentProvider provider;
        WildFly wildfly;
        try {
            provider = PaymentProvider.start(
                    Path.of(System.getProperty("switchboard.payment-provider.jar")),
                    8091,
                    8092,
                    providerLog,
                    PaymentProvider.Webhook.to(8080));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        try {
            wildfly = WildFly.start(
                    server,
                    home.resolve("wildfly"),
                    ear,
                    database,
                    "-Xms256m -Xmx768m -Djava.net.preferIPv4Stack=true " + provider.jvmArguments());
        } catch (RuntimeException e) {
            provider.close();
            database.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(wildfly, provider, database), "switchboard-stop"));
        try {
            // Repeated signals change nothing: the stop is under way (a shell's timeout or a
            // terminal may deliver one Ctrl-C more than once).
            Signal.handle(new Signal("INT"), signal -> {
                CTRL_C.countDown();
                WAKE.countDown();
            });
        } catch (IllegalArgumentException ignoredByTheShell) {
            // Started in the background by a shell without job control: SIGINT cannot reach us.
        }
        System.out.println("Starting WildFly; its log: " + log);

        if (!wildfly.awaitReady(Duration.ofMinutes(3))) {
            if (CTRL_C.getCount() == 0) {
                stop(wildfly, provider, database);
                return;
            }
            System.err.println("Switchboard did not come up: see " + log + ". Stopping.");
            System.exit(1); // runs the shutdown hook: WildFly, then the database
        }
        System.out.println("""

                    Switchboard is running.
                      UI          http://localhost:8080/
                      REST        http://localhost:8080/api/customers
                      OpenAPI     http://localhost:8080/openapi
                      HTTPS       https://localhost:8443/  (%s)
                      Management  http://localhost:9990/  (JMX: service:jmx:remote+http://localhost:9990)
                      Log         %s
                      Payment provider  %s  (admin %s/admin/behaviour, log %s)
                    Ctrl-C stops WildFly, the payment provider and the database.
                    """.formatted(tls(), log, provider.url(), provider.adminUrl(), providerLog));

        var ended = new Thread(
                () -> {
                    try {
                        wildfly.waitFor();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    WAKE.countDown();
                },
                "switchboard-watch");
        ended.setDaemon(true);
        ended.start();
        WAKE.await();
        // standalone.sh passes the same Ctrl-C on to WildFly, which may end a moment before this
        // JVM's handler has run: a second's grace before calling it a death.
        if (!wildfly.isAlive() && !CTRL_C.await(1, TimeUnit.SECONDS)) {
            var death = death(wildfly.waitFor(), log);
            System.err.println("WildFly died (" + death + "); see " + log + ". Stopping the database.");
            provider.close();
            database.close();
            throw new IllegalStateException("WildFly died (" + death + ")");
        }
        System.out.println("Stopping WildFly, then the payment provider and the database.");
        stop(wildfly, provider, database);
        System.out.println("Switchboard stopped.");
    }

    /**
     * Which key HTTPS uses: a production key store named by SWITCHBOARD_TLS_KEYSTORE, or the
     * self-signed development key that jms-config/server.cli has generated at the first handshake.
     */
    static String tls() {
        var keyStore = System.getenv("SWITCHBOARD_TLS_KEYSTORE");
        return keyStore == null || keyStore.isBlank()
                ? "self-signed development key, generated at the first request: your browser will warn"
                : "key store " + keyStore;
    }

    private static void stop(WildFly wildfly, PaymentProvider provider, Database database) {
        try {
            wildfly.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            provider.close();
            database.close();
        }
    }

    /**
     * How the server ended. standalone.sh reports 0 for a JVM killed by a signal (it waits for the
     * JVM again, finds no child, and falls back to 0), so a 0 is checked against the log: a clean
     * stop ends it with WFLYSRV0050.
     */
    static String death(int scriptExitCode, Path log) {
        if (scriptExitCode != 0) {
            return "exit code " + scriptExitCode;
        }
        try {
            var lines = java.nio.file.Files.readAllLines(log);
            var tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
            if (tail.stream().anyMatch(line -> line.contains("WFLYSRV0050"))) {
                return "shut down from outside this command, e.g. by the management API";
            }
        } catch (java.io.IOException | java.io.UncheckedIOException unreadable) {
            // no log to go by
        }
        return "its JVM was killed or crashed: no shutdown in its log";
    }
}
