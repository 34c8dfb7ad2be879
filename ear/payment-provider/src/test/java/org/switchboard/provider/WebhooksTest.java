package org.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settlement webhooks as a merchant receives them: signed, retried, resent byte for byte. */
class WebhooksTest {

    record Received(String eventId, String timestamp, String signature, String body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer merchant;
    private String url;

    @BeforeEach
    void aMerchant() throws IOException {
        merchant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        merchant.createContext("/webhooks", exchange -> {
            try (exchange) {
                var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (failuresLeft.getAndDecrement() > 0) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                var headers = exchange.getRequestHeaders();
                received.add(new Received(
                        headers.getFirst("X-Provider-Event-Id"),
                        headers.getFirst("X-Provider-Timestamp"),
                        headers.getFirst("X-Provider-Signature"),
                        body));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        merchant.start();
        url = "http://127.0.0.1:" + merchant.getAddress().getPort() + "/webhooks";
    }

    @AfterEach
    void stop() {
        merchant.stop(0);
    }

    @Test
    void aSettledPaymentIsAnnouncedSignedOverTheTimestampAndTheRawBody() {
        var webhooks = new Webhooks(url, "s3cret");
        var ledger =
                new Ledger(Duration.ofMillis(50), () -> 0.5, payment -> webhooks.announce("payment.settled", payment));

        ledger.authorise("k1", "f1", "order-1", 1_000, "EUR", new Behaviour(0, 0, false, 1.0, Long.MAX_VALUE, 0));

        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
        var webhook = received.get(0);
        assertThat(webhook.signature())
                .isEqualTo(Webhooks.sign("s3cret", Long.parseLong(webhook.timestamp()), webhook.body()));
        var json = Json.createReader(new java.io.StringReader(webhook.body())).readObject();
        assertThat(json.getString("eventId")).isEqualTo(webhook.eventId());
        assertThat(json.getString("type")).isEqualTo("payment.settled");
        assertThat(json.getJsonObject("payment").getString("status")).isEqualTo("AUTHORISED");
        assertThat(json.getJsonObject("payment").getString("reference")).isEqualTo("order-1");
    }

    @Test
    void aMerchantThatFailsIsTriedAgainWithTheSameEventAndAResendIsTheSameBytes() {
        failuresLeft.set(2);
        var webhooks = new Webhooks(url, "s3cret");

        webhooks.announce(
                "payment.settled",
                Json.createObjectBuilder().add("reference", "o").build());

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        assertThat(webhooks.counters().getInt("failedAttempts")).isEqualTo(2);
        assertThat(webhooks.resend(received.get(0).eventId())).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
        assertThat(received.get(1)).isEqualTo(received.get(0));
    }

    @Test
    void withoutAUrlNothingIsSent() {
        assertThat(new Webhooks(null, "s3cret")
                        .announce("payment.settled", Json.createObjectBuilder().build()))
                .isNull();
    }
}
