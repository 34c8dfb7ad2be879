package org.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * The payment provider's admin API as the tests use it: its behaviour (slow, failing, down) and
 * its counters. The provider runs as its own process; PaymentProviderForTests tells the server its
 * admin URL ({@code switchboard.payments.provider-admin-url}).
 */
final class PaymentProvider {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String admin = System.getProperty("switchboard.payments.provider-admin-url");

    /** Changes what {@code change} names, e.g. {@code {"down":true}}. */
    void behave(String change) {
        var response = send(HttpRequest.newBuilder(URI.create(admin + "/admin/behaviour"))
                .PUT(HttpRequest.BodyPublishers.ofString(change))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The provider refused " + change + ": " + response.body());
        }
    }

    /** Back to normal: up, fast, never failing on purpose. */
    void reset() {
        send(HttpRequest.newBuilder(URI.create(admin + "/admin/reset"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** Where the provider posts its notifications and the secret it signs them with; a blank URL stops them. */
    void webhooks(String url, String secret) {
        var response = send(HttpRequest.newBuilder(URI.create(admin + "/admin/webhooks"))
                .PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("url", url)
                        .add("secret", secret)
                        .build()
                        .toString()))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The provider refused its webhook settings: " + response.body());
        }
    }

    /** Sends an earlier notification again, byte for byte, as a replaying attacker (or a retrying provider) would. */
    void resend(String eventId) {
        var response = send(HttpRequest.newBuilder(URI.create(admin + "/admin/webhooks/resend"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"eventId\":\"" + eventId + "\"}"))
                .build());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("No resend of " + eventId + ": " + response.body());
        }
    }

    /** The card holder's bank takes the saga's paid payment back; the provider announces it. */
    void chargeBack(UUID sagaId) {
        var response = send(HttpRequest.newBuilder(URI.create(admin + "/admin/chargebacks"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"reference\":\"" + sagaId + "\",\"reason\":\"Card holder disputes it\"}"))
                .build());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("No chargeback of " + sagaId + ": " + response.body());
        }
    }

    /** Calls the provider took for an operation (authorise, refund, ...). */
    long calls(String operation) {
        var calls = counters().getJsonObject("calls");
        return calls.containsKey(operation) ? calls.getJsonNumber(operation).longValue() : 0;
    }

    JsonObject counters() {
        try (var reader =
                Json.createReader(new StringReader(send(HttpRequest.newBuilder(URI.create(admin + "/admin/counters"))
                                .build())
                        .body()))) {
            return reader.readObject();
        }
    }

    /** How often the provider took money for the saga's payment. */
    int charges(UUID sagaId) {
        return counters().getJsonObject("charges").getInt(sagaId.toString(), 0);
    }

    long replays() {
        return counters().getJsonNumber("replays").longValue();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
