package org.switchboard.benchmark;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The order step (issue 16: order to confirmed): orders placed at a constant arrival rate through
 * {@code POST /api/orders}, each for one item of a product stocked for the whole run, by customers
 * registered through the REST API beforehand; then each order's end (CONFIRMED or CANCELLED) read
 * from Ordering's rows. The payment provider runs beside the server as with the run command, so a
 * confirmed order has reserved stock, been authorised by the provider over HTTP and arranged its
 * shipment.
 */
final class Orders {

    private static final System.Logger LOG = System.getLogger(Orders.class.getName());

    /** The benchmark's own product: cheap, so that no customer reaches Payments' limit (100,000). */
    static final String SKU = "BENCH-ORDER";

    static final long UNIT_PRICE = 100;

    /** More than any run places: an order that is cancelled for want of stock would measure nothing. */
    static final long STOCK = 1_000_000;

    /** Orders go round these customers: each pays 100 a time against a limit of 100,000. */
    static final int CUSTOMERS = 20;

    private static final String CUSTOMER_EMAIL = "orders-customer-%d@bench.example";

    private static final String CUSTOMER_EMAILS = "orders-customer-%@bench.example";

    private final URI base;
    private final OrderRows rows;
    private final List<UUID> customers;
    private final OpenLoad load;

    private Orders(OpenLoad load, URI base, Connection db, List<UUID> customers) {
        this.load = load;
        this.base = base;
        this.rows = new OrderRows(db);
        this.customers = customers;
    }

    /**
     * Registers the customers through the REST API as anyone would and waits until Ordering knows
     * them (it learns them from CustomerRegistered); stocks the product in the database, for want of
     * an API that stocks one (the system tests' Shop and the resilience suite do the same).
     */
    static Orders open(OpenLoad load, URI base, Connection db) throws Exception {
        for (int k = 0; k < CUSTOMERS; k++) {
            if (!load.registerOne(Flow.SWITCHBOARD, CUSTOMER_EMAIL.formatted(k))) {
                throw new IllegalStateException("Could not register " + CUSTOMER_EMAIL.formatted(k));
            }
        }
        var known = await("Ordering learns the order step's customers")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> knownCustomers(db), ids -> ids.size() == CUSTOMERS);
        try (var product = db.prepareStatement(
                        "insert into ordering.product (sku, unit_price, currency) values (?, ?, 'EUR')");
                var stock = db.prepareStatement("insert into inventory.stock (sku, available) values (?, ?)")) {
            product.setString(1, SKU);
            product.setLong(2, UNIT_PRICE);
            product.executeUpdate();
            stock.setString(1, SKU);
            stock.setLong(2, STOCK);
            stock.executeUpdate();
        }
        return new Orders(load, base, db, known);
    }

    /**
     * Places orders at {@code rate} for {@code seconds}, then waits at most {@code drain} after the
     * last one was due for every accepted order to end, and reads what became of them.
     */
    OrderStep step(String name, int rate, int seconds, Duration drain, LongSupplier serverCpu, LongSupplier databaseCpu)
            throws Exception {
        var schedule = new OpenLoad.Schedule(Flow.SWITCHBOARD, name, rate, seconds);
        var server0 = serverCpu.getAsLong();
        var database0 = databaseCpu.getAsLong();
        var outcome = load.run(schedule, i -> request(schedule, i), 202);
        var deadline = outcome.due(schedule.requests()).plus(drain);
        rows.awaitEnds(outcome, deadline);
        var cpu = new Step.Cpu(serverCpu.getAsLong() - server0, databaseCpu.getAsLong() - database0);
        var step = new OrderStep(outcome, rows.ends(outcome, deadline), drain, cpu);
        LOG.log(
                System.Logger.Level.INFO,
                "orders {0}/s: {1} accepted, {2} failed, REST p99 {3} ms, confirmed {4} (p99 {5} ms), cancelled {6},"
                        + " unfinished after {7} s {8}, lateness p99 {9} ms",
                rate,
                outcome.counts().ok(),
                outcome.counts().errors() + outcome.counts().refused(),
                String.format("%.1f", step.restMillis(0.99)),
                step.confirmed(),
                String.format("%.0f", step.confirmedMillis(0.99)),
                step.cancelled(),
                drain.toSeconds(),
                step.ends().unfinished(),
                String.format("%.2f", step.latenessMillis(0.99)));
        return step;
    }

    /** Order {@code i}: one item, for the customers in turn, its Idempotency-Key naming it in the rows. */
    private HttpRequest request(OpenLoad.Schedule schedule, int i) {
        var body = "{\"customerId\":\"" + customers.get(i % customers.size()) + "\",\"express\":false,"
                + "\"lines\":[{\"sku\":\"" + SKU + "\",\"quantity\":1}]}";
        return HttpRequest.newBuilder(base.resolve("/api/orders"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", OrderRows.key(schedule, i))
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static List<UUID> knownCustomers(Connection db) throws SQLException {
        var ids = new ArrayList<UUID>();
        try (var s = db.prepareStatement("select customer_id from ordering.customer where email like ?")) {
            s.setString(1, CUSTOMER_EMAILS);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }
}
