package org.switchboard.resilience;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.switchboard.resilience.LoadGenerator.Expectation;
import org.switchboard.resilience.LoadGenerator.Outcome;

/** The orders' section of docs/resilience.md: what the clients were told and how the sagas ended. */
final class OrderReport {

    private OrderReport() {}

    static String markdown(List<Scenarios.Result> results) {
        var out = new StringBuilder("""

                ## Orders

                After every second registration the same client places an order (`POST /api/orders` with an
                `Idempotency-Key`) for a customer registered at least 3 s before, in a fixed mix: standard and
                express orders that should confirm, two lines of which one SKU has only 25 in stock (confirmed
                until it runs out), a payment over the customer's limit (stock reserved, payment declined, stock
                released) and more than the stock (nothing reserved). Unknown answers are retried once with their
                key, like the registrations. The checker reads Ordering's, Inventory's, Payments' and Shipping's
                tables.

                | scenario | orders | 202 | definite failures | unknown → accepted on retry / unresolved | confirmed | compensated | lost | phantom | unfinished | doubled | stock off | money off | shipments of cancelled orders | examples |
                |---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
                """);
        for (var r : results) {
            var orders = r.orders();
            var o = r.verdict().orders();
            var b = o.breaches();
            var unknown = Checker.count(orders, Outcome.UNKNOWN);
            var unresolved = Checker.count(orders, Expectation.ZERO_OR_ONE);
            out.append(row(
                    r.name(),
                    orders.size(),
                    Checker.count(orders, Outcome.SUCCESS),
                    Checker.count(orders, Outcome.DEFINITE_FAILURE),
                    unknown + " → " + (unknown - unresolved) + " / " + unresolved,
                    o.ends().confirmed(),
                    o.ends().compensated(),
                    b.lost(),
                    b.phantom(),
                    b.unfinished(),
                    b.doubled(),
                    b.stock(),
                    b.money(),
                    o.orphanShipments(),
                    o.examples().isEmpty() ? "none" : String.join("; ", o.examples())));
        }
        return out.append("""

                *lost*: an order the client was told accepted (202, first or on its retry) does not exist.
                *phantom*: a definite failure (4xx, 503, connection refused) left an order. *unfinished*: a saga
                not CONFIRMED or CANCELLED, or an order whose state is not its saga's. *doubled*: an order
                confirmed more than once. *stock off*: a SKU whose initial stock less the quantities of the
                confirmed orders is not what Inventory has available, or a confirmed order without its reservation,
                or a cancelled one with its stock still reserved. *money off*: a confirmed order without its total
                authorised, a cancelled one with an amount still authorised, an account whose authorised total is
                not the sum of its authorisations, or a refund (nothing is returned). *shipments of cancelled
                orders*: a saga that gives up while the shipment is being arranged leaves it arranged (Shipping
                has no cancellation yet): counted, not a breach. Answers of the orders, by outcome:
                """)
                .append(results.stream()
                        .map(r -> "- " + r.name() + ": " + answers(r.orders()))
                        .collect(Collectors.joining("\n", "\n", "\n")))
                .toString();
    }

    private static String answers(List<OrderLoad.Order> orders) {
        var counts = Checker.answers(orders);
        return counts.isEmpty()
                ? "none"
                : counts.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining("; "));
    }

    private static String row(Object... cells) {
        return Stream.of(cells)
                .map(String::valueOf)
                .map(c -> c.replace("|", "/"))
                .collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}
