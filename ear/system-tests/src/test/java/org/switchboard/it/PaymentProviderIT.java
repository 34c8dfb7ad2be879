package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Payments against the real payment provider, its own process on its own port (issue 13). The
 * server's fault tolerance is tightened for the tests (arquillian.xml): a 1 s deadline, a circuit
 * that opens after 4 calls at a failure ratio of 0.5 and tries again after 1 s. The saga waits 4 s
 * for each of two attempts, so an outage here is kept short.
 */
class PaymentProviderIT extends InContainerTest {

    static final long PRICE = 300;

    final PaymentProvider provider = new PaymentProvider();
    final HttpClient http = HttpClient.newHttpClient();

    String sku;
    UUID customerId;

    @BeforeEach
    void aCustomerAndAProduct() {
        provider.reset();
        var registered = api.register(Api.uniqueEmail("provider"), "Ada", "Lovelace", false, UUID.randomUUID());
        assertThat(registered.status()).isEqualTo(201);
        customerId = UUID.fromString(registered.json().getString("id"));
        await("Ordering learns the customer")
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        tables.count("select count(*) from ordering.customer where customer_id = ?", customerId) == 1);
        sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        tables.update("insert into ordering.product (sku, unit_price, currency) values (?, " + PRICE + ", 'EUR')", sku);
        tables.update("insert into inventory.stock (sku, available) values (?, 100)", sku);
    }

    @AfterEach
    void providerBackToNormal() {
        provider.reset();
    }

    @Test
    void aProviderThatIsDownOpensTheCircuitOrdersWaitAndEachIsChargedOnceWhenItIsBack() throws Exception {
        provider.behave("{\"down\":true}");
        var orders = new ArrayList<String>();
        for (var i = 0; i < 3; i++) {
            orders.add(place().location());
        }

        await("the authorise circuit opens")
                .atMost(Duration.ofSeconds(6))
                .until(() -> circuit("authorise", "open") == 1.0);
        assertThat(api.as("viewer").get("api/ops/payment-provider").array())
                .as("the operations API shows it too")
                .anySatisfy(circuit -> {
                    assertThat(circuit.asJsonObject().getString("name")).isEqualTo("payment-provider.authorise");
                    assertThat(circuit.asJsonObject().getString("state")).isIn("OPEN", "HALF_OPEN");
                });
        var sagas = orders.stream().map(this::sagaId).toList();
        for (var order : orders) {
            var status = api.get(order).json();
            assertThat(status.getString("state")).as("waiting, not failed").isNotIn("CANCELLED", "CONFIRMED");
        }
        await("each payment is held, waiting for the provider")
                .atMost(Duration.ofSeconds(3))
                .until(() -> sagas.stream().allMatch(saga -> authorisations(saga, "PENDING") == 1));
        assertThat(unavailableCalls()).isPositive();

        provider.behave("{\"down\":false}");

        for (var order : orders) {
            await("the order completes once the provider is back")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> "CONFIRMED".equals(api.get(order).json().getString("state")));
        }
        for (var saga : sagas) {
            assertThat(provider.charges(saga)).as("charged exactly once").isOne();
            assertThat(authorisations(saga, "AUTHORISED")).isOne();
        }
        await("the circuit closes again")
                .atMost(Duration.ofSeconds(5))
                .until(() -> circuit("authorise", "closed") == 1.0);
    }

    @Test
    void aTimeoutAfterTheProviderChargedIsRetriedWithTheSameKeyAndChargesOnce() throws Exception {
        var replaysBefore = provider.replays();
        // Slower than the server's 1 s deadline: the provider charges, then answers too late.
        provider.behave("{\"delayMs\":1500}");

        var order = place().location();
        var saga = sagaId(order);
        await("the provider charged, and our retry came back with the same key")
                .atMost(Duration.ofSeconds(8))
                .until(() -> provider.charges(saga) == 1 && provider.replays() > replaysBefore);
        provider.behave("{\"delayMs\":0}");

        await().atMost(Duration.ofSeconds(15))
                .until(() -> "CONFIRMED".equals(api.get(order).json().getString("state")));
        assertThat(provider.charges(saga))
                .as("recognised by its key: one charge")
                .isOne();
        assertThat(authorisations(saga, "AUTHORISED")).isOne();
    }

    @Test
    void aPaymentTheProviderSettlesLaterCompletesTheOrderAfterItSettles() throws Exception {
        provider.behave("{\"pendingRatio\":1.0}");

        var order = place().location();
        var saga = sagaId(order);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> "CONFIRMED".equals(api.get(order).json().getString("state")));
        assertThat(provider.charges(saga)).isOne();
        assertThat(calls("authorise", "PENDING")).isPositive();
    }

    private Api.Reply place() {
        var placed = api.post(
                "api/orders",
                "{\"customerId\":\"" + customerId + "\",\"express\":false,\"lines\":[{\"sku\":\"" + sku
                        + "\",\"quantity\":1}]}",
                UUID.randomUUID());
        assertThat(placed.status()).isEqualTo(202);
        return placed;
    }

    private UUID sagaId(String order) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get(order).json().get("saga") instanceof jakarta.json.JsonObject);
        return UUID.fromString(api.get(order).json().getJsonObject("saga").getString("sagaId"));
    }

    private long authorisations(UUID sagaId, String state) {
        return tables.count(
                "select count(*) from payments.authorisation where saga_id = ? and state = '" + state + "'", sagaId);
    }

    private double circuit(String operation, String state) throws IOException, InterruptedException {
        return metric(
                "switchboard_payment_provider_circuit_state{",
                "operation=\"" + operation + "\"",
                "state=\"" + state + "\"");
    }

    private double unavailableCalls() throws IOException, InterruptedException {
        return calls("authorise", "UNAVAILABLE");
    }

    private double calls(String operation, String outcome) throws IOException, InterruptedException {
        return metric(
                "switchboard_payment_provider_calls_total{",
                "operation=\"" + operation + "\"",
                "outcome=\"" + outcome + "\"");
    }

    /** The sum of the Prometheus samples whose line starts with {@code name} and has every label. */
    private double metric(String name, String... labels) throws IOException, InterruptedException {
        var text = http.send(
                        HttpRequest.newBuilder(URI.create("http://" + base.getHost() + ":"
                                        + (9990 + base.getPort() - 8080) + "/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return text.lines()
                .filter(line -> line.startsWith(name))
                .filter(line -> java.util.Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
