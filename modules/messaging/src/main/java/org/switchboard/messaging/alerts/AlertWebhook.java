package org.switchboard.messaging.alerts;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Posts each alert as JSON to the URL in {@code switchboard.alerts.webhook.url} (MicroProfile
 * Config: a system property, or the environment variable {@code SWITCHBOARD_ALERTS_WEBHOOK_URL};
 * read at each alert, so a change applies to the next one; no URL, no post). The body is signed with HMAC-SHA256
 * under {@code switchboard.alerts.webhook.secret} ({@code X-Switchboard-Signature: sha256=<hex>}),
 * and each delivery has an id ({@code X-Switchboard-Delivery}) that stays the same across retries,
 * so a receiver can verify the sender and drop duplicates. Without a secret the post is unsigned. A failed post (no connection, a non-2xx
 * answer) is retried after 1, 2, 4 and 8 seconds, off the sampling thread; after the fifth attempt
 * the alert is only in the log.
 *
 * <p>Shared by every context that raises alerts (Operations' incidents, Partners' failed webhook
 * deliveries), so that one receiver, one URL and one secret hear them all.
 */
public final class AlertWebhook {

    private static final System.Logger LOG = System.getLogger(AlertWebhook.class.getName());
    static final int ATTEMPTS = 5;

    private static final Jsonb JSON = JsonbBuilder.create();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ScheduledExecutorService scheduler;

    /** @param scheduler where posts and their retries run: the server's managed scheduled executor */
    public AlertWebhook(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Posts any alert object, as JSON-B writes it. */
    public void post(Object alert) {
        var url = setting("switchboard.alerts.webhook.url");
        if (url == null) {
            return;
        }
        URI target;
        try {
            target = URI.create(url);
            if (!"https".equals(target.getScheme()) && !"http".equals(target.getScheme())) {
                throw new IllegalArgumentException("not http(s)");
            }
        } catch (IllegalArgumentException e) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "Alert webhook URL {0} is unusable ({1}); alert only logged",
                    url,
                    e.getMessage());
            return;
        }
        var body = JSON.toJson(alert);
        var delivery = UUID.randomUUID().toString();
        scheduler.execute(() -> attempt(target, body, delivery, 1));
    }

    private void attempt(URI url, String body, String delivery, int attempt) {
        try {
            var builder = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Switchboard-Delivery", delivery)
                    .header("X-Switchboard-Attempt", String.valueOf(attempt));
            var signature = sign(body);
            if (signature != null) {
                builder.header("X-Switchboard-Signature", "sha256=" + signature);
            }
            var request =
                    builder.POST(HttpRequest.BodyPublishers.ofString(body)).build();
            var status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return;
            }
            retry(url, body, delivery, attempt, "HTTP " + status);
        } catch (java.io.IOException | RuntimeException e) {
            retry(url, body, delivery, attempt, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void retry(URI url, String body, String delivery, int attempt, String problem) {
        if (attempt >= ATTEMPTS) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "Alert webhook {0} failed {1} times ({2}); giving up on delivery {3}",
                    url,
                    attempt,
                    problem,
                    delivery);
            return;
        }
        var delay = 1L << (attempt - 1);
        LOG.log(
                System.Logger.Level.WARNING,
                "Alert webhook {0}: {1}; retrying delivery {2} in {3} s",
                url,
                problem,
                delivery,
                delay);
        scheduler.schedule(() -> attempt(url, body, delivery, attempt + 1), delay, TimeUnit.SECONDS);
    }

    static String sign(String body) {
        var secret = setting("switchboard.alerts.webhook.secret");
        if (secret == null) {
            // Unsigned rather than signed with an empty key, which would only pretend.
            return null;
        }
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** MicroProfile Config maps SWITCHBOARD_ALERTS_WEBHOOK_URL and the like onto these names. */
    private static String setting(String name) {
        return ConfigProvider.getConfig()
                .getOptionalValue(name, String.class)
                .filter(value -> !value.isBlank())
                .orElse(null);
    }
}
