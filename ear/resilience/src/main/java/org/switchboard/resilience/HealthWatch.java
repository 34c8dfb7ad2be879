package org.switchboard.resilience;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What an operator would have seen during a scenario: {@code /api/ops/health} (overall status, each
 * unwell component, and the kinds of the open incidents, which are what alerts are sent for), asked
 * every second as the demo {@code viewer}. An outage the product does not show is a finding too.
 */
final class HealthWatch implements AutoCloseable {

    private static final String VIEWER =
            "Basic " + Base64.getEncoder().encodeToString("viewer:viewer-demo".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .executor(Executors.newSingleThreadExecutor(HealthWatch::daemon))
            .build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(HealthWatch::daemon);
    private final Set<String> health = new ConcurrentSkipListSet<>();
    private final Set<String> alerts = new ConcurrentSkipListSet<>();
    private final URI healthUri;

    HealthWatch(Ports ports) {
        this.healthUri = ports.http("/api/ops/health");
    }

    void start() {
        timer.scheduleWithFixedDelay(this::look, 0, 1, TimeUnit.SECONDS);
    }

    /** e.g. {@code DOWN (database DOWN)}, one entry per distinct state seen. */
    Set<String> health() {
        return new TreeSet<>(health);
    }

    /** The incident kinds that were open at some moment, e.g. {@code DATABASE_DOWN}. */
    Set<String> alerts() {
        return new TreeSet<>(alerts);
    }

    private void look() {
        get(healthUri).ifPresent(body -> {
            var json = Json.createReader(new StringReader(body)).readObject();
            var status = json.getString("status", "?");
            var unwell = new TreeSet<String>();
            if (json.get("components") instanceof JsonObject components) {
                components.forEach((name, component) -> {
                    if (component instanceof JsonObject c && !"UP".equals(c.getString("status", "UP"))) {
                        unwell.add(name + " " + c.getString("status"));
                    }
                });
            }
            health.add(unwell.isEmpty() ? status : status + " (" + String.join(", ", unwell) + ")");
            if (json.get("openIncidents") instanceof JsonArray incidents) {
                incidents.forEach(i -> alerts.add(i.asJsonObject().getString("kind", "?")));
            }
        });
    }

    private java.util.Optional<String> get(URI uri) {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(3))
                            .header("Authorization", VIEWER)
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? java.util.Optional.of(response.body()) : java.util.Optional.empty();
        } catch (java.io.IOException | RuntimeException notNow) {
            // The server is down (kill -9, restart) or slow: nothing to see this second.
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    private static Thread daemon(Runnable r) {
        var t = new Thread(r, "resilience-health-watch");
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
