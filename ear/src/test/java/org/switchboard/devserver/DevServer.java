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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
        var base = prepareBaseDir(server, home.resolve("wildfly"), ear);

        var command = new ArrayList<String>();
        command.add(server.resolve("bin/standalone.sh").toString());
        command.add("-Djboss.server.base.dir=" + base);
        command.addAll(database.settings().entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .toList());
        command.add("-b=127.0.0.1");
        var builder = new ProcessBuilder(command).inheritIO();
        // The script then forwards SIGTERM to the server JVM and waits for it to stop.
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        builder.environment().putIfAbsent("JAVA_OPTS", "-Xms256m -Xmx768m -Djava.net.preferIPv4Stack=true");
        var wildfly = builder.start();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(wildfly, database), "switchboard-stop"));
        announceWhenReady(wildfly);
        var exit = wildfly.waitFor();
        System.out.println("WildFly exited with " + exit);
    }

    private static Path prepareBaseDir(Path server, Path base, Path ear) throws IOException {
        var provisioned = server.resolve("standalone");
        // The configuration comes fresh from the provisioned server each time (jms-config/ may have
        // changed); data (the Artemis journal, transaction logs) and logs stay.
        var configuration = base.resolve("configuration");
        deleteRecursively(configuration);
        copyRecursively(provisioned.resolve("configuration"), configuration);
        var deployments = Files.createDirectories(base.resolve("deployments"));
        Files.copy(ear, deployments.resolve("switchboard.ear"), StandardCopyOption.REPLACE_EXISTING);
        return base;
    }

    private static void announceWhenReady(Process wildfly) throws InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var probe = HttpRequest.newBuilder(URI.create("http://localhost:8080/api/customers?limit=1"))
                .build();
        var deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (wildfly.isAlive() && System.nanoTime() < deadline) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    System.out.println("""

                            Switchboard is running.
                              UI          http://localhost:8080/
                              REST        http://localhost:8080/api/customers
                              OpenAPI     http://localhost:8080/openapi
                              Management  http://localhost:9990/  (JMX: service:jmx:remote+http://localhost:9990)
                            Ctrl-C stops WildFly and the database.
                            """);
                    return;
                }
            } catch (IOException notYet) {
                // server still starting
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    private static void stop(Process wildfly, Database database) {
        try {
            if (wildfly.isAlive()) {
                wildfly.destroy();
                if (!wildfly.waitFor(60, TimeUnit.SECONDS)) {
                    wildfly.descendants().forEach(ProcessHandle::destroyForcibly);
                    wildfly.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            database.close();
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

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
