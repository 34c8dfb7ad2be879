package org.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider over real HTTP, as Payments and the tests see it. */
class ProviderServerTest {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ProviderServer server;
    private int port;
    private int adminPort;

    @BeforeEach
    void start() throws IOException {
        port = freePort();
        adminPort = freePort();
        server = ProviderServer.start(port, adminPort, Duration.ofMillis(100));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRepeatedAuthorisationWithItsKeyIsAReplayAndAnotherBodyUnderTheKeyIs422() throws Exception {
        var body = "{\"reference\":\"o-1\",\"amount\":1200,\"currency\":\"EUR\"}";
        var first = post("/payments", "key-1", body);
        var replay = post("/payments", "key-1", "{\"currency\":\"EUR\",\"amount\":1200,\"reference\":\"o-1\"}");
        var other = post("/payments", "key-1", "{\"reference\":\"o-1\",\"amount\":1300,\"currency\":\"EUR\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(counters().getJsonObject("charges").getInt("o-1")).isEqualTo(1);
        assertThat(counters().getJsonObject("calls").getInt("authorise")).isEqualTo(3);
    }

    @Test
    void aCallWithoutAKeyIsRefused() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/payments"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void downRefusesConnectionsUntilTheAdminBringsItBack() throws Exception {
        admin("{\"down\":true}");

        assertThatThrownBy(() -> post("/payments", "k", "{\"reference\":\"o-2\",\"amount\":1,\"currency\":\"EUR\"}"))
                .isInstanceOf(IOException.class);

        admin("{\"down\":false}");
        assertThat(post("/payments", "k", "{\"reference\":\"o-2\",\"amount\":1,\"currency\":\"EUR\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void aFailureRatioOfOneAnswers503AndChargesNothing() throws Exception {
        admin("{\"failureRatio\":1.0}");

        var response = post("/payments", "k", "{\"reference\":\"o-3\",\"amount\":1,\"currency\":\"EUR\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(counters().getJsonNumber("chargesTotal").longValue()).isZero();
        assertThat(counters().getInt("injectedFailures")).isEqualTo(1);
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Idempotency-Key", key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void admin(String behaviour) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/admin/behaviour"))
                        .PUT(HttpRequest.BodyPublishers.ofString(behaviour))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private JsonObject counters() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/admin/counters"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
