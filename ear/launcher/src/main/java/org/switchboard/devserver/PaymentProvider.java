package org.switchboard.devserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The payment provider (ear/payment-provider) as its own process, {@code java -jar} on its two
 * ports, beside WildFly: an outside party Payments reaches only over HTTP. Its state is in its
 * memory, so a restart forgets every payment. The run command starts it on 8091 (admin 8092); the
 * system tests on free ports.
 */
public final class PaymentProvider implements AutoCloseable {

    /** Where WildFly is told the provider is. */
    public static final String URL_PROPERTY = "switchboard.payments.provider-url";

    /** Where the in-container tests find its admin API. */
    public static final String ADMIN_URL_PROPERTY = "switchboard.payments.provider-admin-url";

    /** The secret WildFly verifies the provider's notifications with. */
    public static final String WEBHOOK_SECRET_PROPERTY = "switchboard.payments.webhook-secret";

    /** Where the provider posts its notifications, and the secret it signs them with. */
    public record Webhook(String url, String secret) {

        /** Our endpoint on a WildFly whose HTTP port is {@code httpPort}, with a fresh random secret. */
        public static Webhook to(int httpPort) {
            var bytes = new byte[24];
            new java.security.SecureRandom().nextBytes(bytes);
            return new Webhook(
                    "http://127.0.0.1:" + httpPort + "/api/webhooks/payment-provider",
                    java.util.HexFormat.of().formatHex(bytes));
        }
    }

    private final Process process;
    private final String host;
    private final int port;
    private final int adminPort;
    private final Webhook webhook;

    private PaymentProvider(Process process, String host, int port, int adminPort, Webhook webhook) {
        this.process = process;
        this.host = host;
        this.port = port;
        this.adminPort = adminPort;
        this.webhook = webhook;
    }

    /** Starts {@code jar} on the ports, its console to {@code log}, and waits until its admin API answers. */
    public static PaymentProvider start(Path jar, int port, int adminPort, Path log) throws IOException {
        return start(jar, port, adminPort, log, null);
    }

    /** As above, posting its notifications to {@code webhook} (null: none). */
    public static PaymentProvider start(Path jar, int port, int adminPort, Path log, Webhook webhook)
            throws IOException {
        return start(jar, "127.0.0.1", port, adminPort, log, webhook);
    }

    /** As above, listening on {@code host} (cluster mode's nodes in network namespaces reach it there). */
    public static PaymentProvider start(Path jar, String host, int port, int adminPort, Path log, Webhook webhook)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No payment provider at " + jar + ": build ear/payment-provider first");
        }
        for (var taken : new int[] {port, adminPort}) {
            // Else an old provider there would answer our readiness probe.
            try (var socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(host, taken), 300);
                throw new IllegalStateException("Port " + taken + " is in use: stop whatever listens there"
                        + " (an old payment provider?) and try again");
            } catch (IOException nothingListens) {
                // free
            }
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new java.util.ArrayList<>(List.of(
                java,
                "-Xmx64m",
                "-jar",
                jar.toString(),
                "--host=" + host,
                "--port=" + port,
                "--admin-port=" + adminPort));
        if (webhook != null) {
            command.add("--webhook-url=" + webhook.url());
            command.add("--webhook-secret=" + webhook.secret());
        }
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var provider = new PaymentProvider(process, host, port, adminPort, webhook);
        if (!provider.awaitReady(Duration.ofSeconds(30))) {
            provider.close();
            throw new IllegalStateException("The payment provider did not come up: see " + log);
        }
        return provider;
    }

    public String url() {
        return "http://" + host + ":" + port;
    }

    public String adminUrl() {
        return "http://" + host + ":" + adminPort;
    }

    /** The system properties that tell WildFly (and the tests in it) where the provider is, and its webhook secret. */
    public String jvmArguments() {
        return "-D" + URL_PROPERTY + "=" + url() + " -D" + ADMIN_URL_PROPERTY + "=" + adminUrl()
                + (webhook == null ? "" : " -D" + WEBHOOK_SECRET_PROPERTY + "=" + webhook.secret());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private boolean awaitReady(Duration timeout) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var probe = HttpRequest.newBuilder(URI.create(adminUrl() + "/admin/behaviour"))
                .build();
        var deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
