package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

/**
 * What the payment tests set up and ask again and again: a customer Ordering knows, a product with
 * its price and stock, an order placed with an idempotency key, its saga, and Payments' view of it.
 */
final class Shop {

    final UUID customerId;
    final String sku;
    private final Api api;
    private final Tables tables;

    private Shop(Api api, Tables tables, UUID customerId, String sku) {
        this.api = api;
        this.tables = tables;
        this.customerId = customerId;
        this.sku = sku;
    }

    /** Registers a customer, waits until Ordering knows it, and stocks a new product. */
    static Shop open(Api api, Tables tables, String who, long price, long stock) {
        var registered = api.register(Api.uniqueEmail(who), "Ada", "Lovelace", false, UUID.randomUUID());
        assertThat(registered.status()).isEqualTo(201);
        var customerId = UUID.fromString(registered.json().getString("id"));
        await("Ordering learns the customer")
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        tables.count("select count(*) from ordering.customer where customer_id = ?", customerId) == 1);
        var sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        tables.update("insert into ordering.product (sku, unit_price, currency) values (?, " + price + ", 'EUR')", sku);
        tables.update("insert into inventory.stock (sku, available) values (?, " + stock + ")", sku);
        return new Shop(api, tables, customerId, sku);
    }

    /** Places a standard order of one item: its address. */
    String place() {
        return place(UUID.randomUUID());
    }

    /** As {@link #place()}, in the flow of this correlation id. */
    String place(UUID correlationId) {
        var placed = api.post(
                "api/orders",
                "{\"customerId\":\"" + customerId + "\",\"express\":false,\"lines\":[{\"sku\":\"" + sku
                        + "\",\"quantity\":1}]}",
                correlationId);
        assertThat(placed.status()).isEqualTo(202);
        return placed.location();
    }

    String state(String order) {
        return api.get(order).json().getString("state");
    }

    UUID sagaId(String order) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get(order).json().get("saga") instanceof jakarta.json.JsonObject);
        return UUID.fromString(api.get(order).json().getJsonObject("saga").getString("sagaId"));
    }

    /** Payments' authorisations of the saga in that state (0 or 1). */
    long authorisations(UUID sagaId, String state) {
        return tables.count(
                "select count(*) from payments.authorisation where saga_id = ? and state = '" + state + "'", sagaId);
    }
}
