package org.switchboard.provider;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tells the merchant what happened to a payment after the call that asked for it (a pending payment
 * settled): a signed HTTP {@code POST} of JSON to the merchant's webhook URL, retried after 0.5, 1,
 * 2, 4 and 8 s, then given up and counted. Nothing is sent while no URL is set.
 *
 * <p>Headers: {@code X-Provider-Event-Id} (the same for every attempt and resend: the merchant's
 * key against duplicates), {@code X-Provider-Timestamp} (seconds since the epoch, when it was
 * signed) and {@code X-Provider-Signature: sha256=<hex>}, the HMAC-SHA256 with the shared secret of
 * {@code timestamp + "." + body}. A resend ({@code POST /admin/webhooks/resend}) posts exactly the
 * same bytes and headers again, as a replaying attacker would.
 */
final class Webhooks {

    private static final System.Logger LOG = System.getLogger(Webhooks.class.getName());

    private static final int ATTEMPTS = 6;

    /** One signed notification, kept so that it can be sent again byte for byte. */
    record Signed(String eventId, long timestamp, String body, String signature) {}

    private volatile URI url;
    private volatile String secret;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService deliveries = Executors.newScheduledThreadPool(2, runnable -> {
        var thread = new Thread(runnable, "provider-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Signed> sent = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();

    Webhooks(String url, String secret) {
        configure(url, secret);
    }

    /** A null or blank URL stops sending; the secret can be rotated at any time. */
    void configure(String url, String secret) {
        this.url = url == null || url.isBlank() ? null : URI.create(url);
        this.secret = secret == null ? "" : secret;
    }

    /** Announces a payment's new state: the event's id, or null if no webhook URL is set. */
    String announce(String type, JsonObject payment) {
        if (url == null) {
            return null;
        }
        var eventId = UUID.randomUUID().toString();
        var body = Json.createObjectBuilder()
                .add("eventId", eventId)
                .add("type", type)
                .add("occurredAt", Instant.now().toString())
                .add("payment", payment)
                .build()
                .toString();
        var timestamp = Instant.now().getEpochSecond();
        var signed = new Signed(eventId, timestamp, body, sign(secret, timestamp, body));
        sent.put(eventId, signed);
        deliveries.execute(() -> deliver(signed, 1));
        return eventId;
    }

    /** Sends an earlier notification again, unchanged; false if there is none by that id. */
    boolean resend(String eventId) {
        var signed = sent.get(eventId);
        if (signed == null || url == null) {
            return false;
        }
        deliveries.execute(() -> deliver(signed, ATTEMPTS));
        return true;
    }

    /** The admin API's webhook routes: settings, counters, a resend, and a chargeback to announce. */
    Answer admin(String route, java.io.InputStream body, Ledger ledger) {
        return switch (route) {
            case "PUT /admin/webhooks" -> {
                var change = read(body);
                configure(change.getString("url", null), change.getString("secret", ""));
                yield new Answer(200, counters(), false);
            }
            case "POST /admin/webhooks/resend" ->
                resend(read(body).getString("eventId", ""))
                        ? new Answer(202, counters(), false)
                        : Answer.problem(404, "No such webhook", "Unknown eventId, or no URL set");
            case "POST /admin/chargebacks" -> {
                var request = read(body);
                yield ledger.chargeBack(request.getString("reference", ""), request.getString("reason", "Disputed"))
                        .map(payment -> new Answer(
                                202,
                                Json.createObjectBuilder()
                                        .add(
                                                "eventId",
                                                java.util.Objects.toString(
                                                        announce("payment.charged_back", payment), ""))
                                        .add("payment", payment)
                                        .build(),
                                false))
                        .orElseGet(() -> Answer.problem(409, "Not charged back", "No paid payment by that reference"));
            }
            default -> new Answer(200, counters(), false);
        };
    }

    private static JsonObject read(java.io.InputStream body) {
        try (var reader = Json.createReader(body)) {
            return reader.readObject();
        }
    }

    JsonObject counters() {
        var ids = Json.createArrayBuilder();
        sent.keySet().forEach(ids::add);
        return Json.createObjectBuilder()
                .add("url", url == null ? "" : url.toString())
                .add("delivered", delivered.get())
                .add("failedAttempts", failedAttempts.get())
                .add("givenUp", givenUp.get())
                .add("eventIds", ids)
                .build();
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256="
                    + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No HmacSHA256 in this JDK", e);
        }
    }

    private void deliver(Signed signed, int attempt) {
        var target = url;
        if (target == null) {
            return;
        }
        try {
            var response = http.send(
                    HttpRequest.newBuilder(target)
                            .timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/json")
                            .header("X-Provider-Event-Id", signed.eventId())
                            .header("X-Provider-Timestamp", Long.toString(signed.timestamp()))
                            .header("X-Provider-Signature", signed.signature())
                            .POST(HttpRequest.BodyPublishers.ofString(signed.body()))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                delivered.incrementAndGet();
                return;
            }
            LOG.log(System.Logger.Level.INFO, "Webhook {0} answered {1}", signed.eventId(), response.statusCode());
        } catch (java.io.IOException e) {
            LOG.log(System.Logger.Level.INFO, "Webhook {0} not delivered: {1}", signed.eventId(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        failedAttempts.incrementAndGet();
        if (attempt >= ATTEMPTS) {
            givenUp.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "Webhook {0} given up after {1} attempts", signed.eventId(), attempt);
            return;
        }
        deliveries.schedule(() -> deliver(signed, attempt + 1), 500L << (attempt - 1), TimeUnit.MILLISECONDS);
    }
}
