package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
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

    Shop shop;

    @BeforeEach
    void aCustomerAndAProduct() {
        provider.reset();
        shop = Shop.open(api, tables, "provider", PRICE, 100);
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
            orders.add(shop.place());
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
        var sagas = orders.stream().map(shop::sagaId).toList();
        for (var order : orders) {
            assertThat(shop.state(order)).as("waiting, not failed").isNotIn("CANCELLED", "CONFIRMED");
        }
        await("each payment is held, waiting for the provider")
                .atMost(Duration.ofSeconds(3))
                .until(() -> sagas.stream().allMatch(saga -> shop.authorisations(saga, "PENDING") == 1));
        assertThat(unavailableCalls()).isPositive();

        provider.behave("{\"down\":false}");

        for (var order : orders) {
            await("the order completes once the provider is back")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> "CONFIRMED".equals(shop.state(order)));
        }
        for (var saga : sagas) {
            assertThat(provider.charges(saga)).as("charged exactly once").isOne();
            assertThat(shop.authorisations(saga, "AUTHORISED")).isOne();
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

        var order = shop.place();
        var saga = shop.sagaId(order);
        await("the provider charged, and our retry came back with the same key")
                .atMost(Duration.ofSeconds(8))
                .until(() -> provider.charges(saga) == 1 && provider.replays() > replaysBefore);
        provider.behave("{\"delayMs\":0}");

        await().atMost(Duration.ofSeconds(15)).until(() -> "CONFIRMED".equals(shop.state(order)));
        assertThat(provider.charges(saga))
                .as("recognised by its key: one charge")
                .isOne();
        assertThat(shop.authorisations(saga, "AUTHORISED")).isOne();
    }

    @Test
    void aPaymentTheProviderSettlesLaterCompletesTheOrderAfterItSettles() throws Exception {
        provider.behave("{\"pendingRatio\":1.0}");

        var order = shop.place();
        var saga = shop.sagaId(order);

        await().atMost(Duration.ofSeconds(15)).until(() -> "CONFIRMED".equals(shop.state(order)));
        assertThat(provider.charges(saga)).isOne();
        assertThat(calls("authorise", "PENDING")).isPositive();
    }

    private double circuit(String operation, String state) {
        return metric(
                "switchboard_payment_provider_circuit_state{",
                "operation=\"" + operation + "\"",
                "state=\"" + state + "\"");
    }

    private double unavailableCalls() {
        return calls("authorise", "UNAVAILABLE");
    }

    private double calls(String operation, String outcome) {
        return metric(
                "switchboard_payment_provider_calls_total{",
                "operation=\"" + operation + "\"",
                "outcome=\"" + outcome + "\"");
    }

    private double metric(String name, String... labels) {
        return Prometheus.sum(base, name.endsWith("{") ? name.substring(0, name.length() - 1) : name, labels);
    }
}
