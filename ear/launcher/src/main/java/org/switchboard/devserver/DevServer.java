package org.switchboard.devserver;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The run command ({@code ./mvnw -Prun}): starts PostgreSQL (embedded, data kept in
 * {@code .switchboard/postgres}, or external) and the provisioned WildFly with switchboard.ear, its
 * own state in {@code .switchboard/wildfly}. Ctrl-C stops WildFly, then PostgreSQL.
 */
public final class DevServer {

    public static void main(String[] args) throws Exception {
        var home = Path.of(System.getProperty("switchboard.home", ".switchboard"))
                .toAbsolutePath()
                .normalize();
        var server = Path.of(System.getProperty("switchboard.server.dir")).toAbsolutePath();
        var ear = Path.of(System.getProperty("switchboard.ear")).toAbsolutePath();

        var database = Database.start(home.resolve("postgres"), true);
        WildFly wildfly;
        try {
            wildfly = WildFly.start(
                    server,
                    home.resolve("wildfly"),
                    ear,
                    database,
                    "-Xms256m -Xmx768m -Djava.net.preferIPv4Stack=true");
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(wildfly, database), "switchboard-stop"));

        if (!wildfly.awaitReady(Duration.ofMinutes(3))) {
            System.err.println("Switchboard did not come up: see the log above and "
                    + home.resolve("wildfly/log/server.log") + ". Stopping.");
            System.exit(1); // runs the shutdown hook: WildFly, then the database
        }
        System.out.println("""

                    Switchboard is running.
                      UI          http://localhost:8080/
                      REST        http://localhost:8080/api/customers
                      OpenAPI     http://localhost:8080/openapi
                      Management  http://localhost:9990/  (JMX: service:jmx:remote+http://localhost:9990)
                    Ctrl-C stops WildFly and the database.
                    """);
        System.out.println("WildFly exited with " + wildfly.waitFor());
    }

    private static void stop(WildFly wildfly, Database database) {
        try {
            wildfly.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            database.close();
        }
    }
}
