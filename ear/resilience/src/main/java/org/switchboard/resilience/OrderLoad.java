package org.switchboard.resilience;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.switchboard.resilience.LoadGenerator.Answer;
import org.switchboard.resilience.LoadGenerator.Outcome;

/**
 * Orders as part of the load: {@code POST /api/orders} with an {@code Idempotency-Key}, for a
 * customer registered a while before (Ordering learns customers from {@code CustomerRegistered}),
 * in a fixed mix of {@link Kind}s, some of which must be compensated: a payment over the customer's
 * limit releases the reserved stock, more than the stock reserves nothing. The suite's own products
 * and stock are set up by {@link #stock} on each scenario's fresh database.
 */
final class OrderLoad {

    /** Plenty of stock: orders of it confirm unless the payment fails. */
    static final String PLENTY = "RESILIENCE-PLENTY";

    /** Little stock: it runs out during a scenario, and later orders of it are cancelled. */
    static final String SCARCE = "RESILIENCE-SCARCE";

    /** Each SKU's price (minor units, EUR) and stock at the start of a scenario. */
    static final Map<String, long[]> PRODUCTS =
            Map.of(PLENTY, new long[] {500, 1_000_000}, SCARCE, new long[] {700, 25});

    /** Payments' default limit per customer (switchboard.payments.default-limit): 100,000 minor units. */
    static final int OVER_THE_LIMIT = 250;

    /** Ordering learns a customer asynchronously: orders go to customers registered this long ago. */
    private static final Duration KNOWN_AFTER = Duration.ofSeconds(3);

    /** What an order asks for, and what must become of it. */
    enum Kind {
        /** Confirmed, unless a fault times a step out (then compensated). */
        STANDARD(false, Map.of(PLENTY, 2)),
        EXPRESS(true, Map.of(PLENTY, 1)),
        /** Confirmed while the scarce stock lasts, then cancelled with nothing to undo. */
        TWO_LINES(false, Map.of(PLENTY, 1, SCARCE, 1)),
        /** Stock reserved, the payment declined, the stock released. */
        OVER_LIMIT(true, Map.of(PLENTY, OVER_THE_LIMIT)),
        /** More than the stock: cancelled with nothing reserved. */
        OVER_STOCK(false, Map.of(SCARCE, 1000));

        final boolean express;
        final Map<String, Integer> lines;

        Kind(boolean express, Map<String, Integer> lines) {
            this.express = express;
            this.lines = lines;
        }
    }

    /** The mix, repeated: six of ten orders should confirm. */
    private static final List<Kind> MIX = List.of(
            Kind.STANDARD,
            Kind.EXPRESS,
            Kind.STANDARD,
            Kind.OVER_LIMIT,
            Kind.TWO_LINES,
            Kind.STANDARD,
            Kind.OVER_STOCK,
            Kind.EXPRESS,
            Kind.STANDARD,
            Kind.OVER_LIMIT);

    /** One client's order. */
    static final class Order extends LoadGenerator.Request {
        final UUID customerId;
        final Kind kind;
        volatile UUID orderId;

        Order(String idempotencyKey, UUID customerId, Kind kind) {
            super(idempotencyKey);
            this.customerId = customerId;
            this.kind = kind;
        }
    }

    private record Known(UUID customerId, long at) {}

    private final String run;
    private final URI uri;
    private final LoadGenerator client;
    private final List<Known> customers = new ArrayList<>();
    private final ConcurrentLinkedQueue<Order> orders = new ConcurrentLinkedQueue<>();

    OrderLoad(String run, URI uri, LoadGenerator client) {
        this.run = run;
        this.uri = uri;
        this.client = client;
    }

    /** The suite's products, prices and stock, on a scenario's fresh database. */
    static void stock(Connection c) throws SQLException {
        for (var product : PRODUCTS.entrySet()) {
            try (var price = c.prepareStatement(
                            "insert into ordering.product (sku, unit_price, currency) values (?, ?, 'EUR')");
                    var stock = c.prepareStatement("insert into inventory.stock (sku, available) values (?, ?)")) {
                price.setString(1, product.getKey());
                price.setLong(2, product.getValue()[0]);
                price.executeUpdate();
                stock.setString(1, product.getKey());
                stock.setLong(2, product.getValue()[1]);
                stock.executeUpdate();
            }
        }
    }

    static String keyPattern(String run) {
        return run + "-order-%";
    }

    void registered(UUID customerId) {
        synchronized (customers) {
            customers.add(new Known(customerId, System.nanoTime()));
        }
    }

    /** The {@code n}th order of the run, for a customer registered a while ago; none if there is none yet. */
    void place(int n) {
        var customer = aKnownCustomer();
        if (customer == null) {
            return;
        }
        var order = new Order(run + "-order-" + n, customer, MIX.get(n % MIX.size()));
        orders.add(order);
        order.first = attempt(order);
    }

    private UUID aKnownCustomer() {
        var before = System.nanoTime() - KNOWN_AFTER.toNanos();
        synchronized (customers) {
            var known = customers.size();
            while (known > 0 && customers.get(known - 1).at() > before) {
                known--;
            }
            return known == 0
                    ? null
                    : customers.get(ThreadLocalRandom.current().nextInt(known)).customerId();
        }
    }

    /** Sends (or re-sends, with the same key) an order: 202 with its id is the success. */
    Answer attempt(Order order) {
        var lines = order.kind.lines.entrySet().stream()
                .map(line -> "{\"sku\":\"" + line.getKey() + "\",\"quantity\":" + line.getValue() + "}")
                .collect(Collectors.joining(","));
        var body = "{\"customerId\":\"" + order.customerId + "\",\"express\":" + order.kind.express + ",\"lines\":["
                + lines + "]}";
        return client.post(
                uri,
                order.idempotencyKey,
                body,
                202,
                response -> order.orderId = UUID.fromString(Json.createReader(new StringReader(response.body()))
                        .readObject()
                        .getString("orderId")));
    }

    int retryUnknowns() {
        var retried = 0;
        for (var order : orders) {
            if (order.first != null && order.first.outcome() == Outcome.UNKNOWN) {
                order.retry = attempt(order);
                retried++;
            }
        }
        return retried;
    }

    List<Order> orders() {
        return List.copyOf(orders);
    }
}
