package org.switchboard.benchmark;

import java.util.List;
import java.util.Locale;

/** The report's "Orders" section: order to confirmed at each order rate, from the rows. */
final class OrderSection {

    private final StringBuilder out = new StringBuilder();

    private OrderSection() {}

    static String of(List<OrderStep> steps, long rssAfterRun, long rssAfterOrders) {
        var section = new OrderSection();
        section.write(steps, rssAfterRun, rssAfterOrders);
        return section.out.toString();
    }

    private void write(List<OrderStep> steps, long rssAfterRun, long rssAfterOrders) {
        line("## Orders: order to confirmed");
        line("");
        if (steps.isEmpty()) {
            line("Not measured (`-Dbench.order.rates=` was empty).");
            line("");
            return;
        }
        line(
                "After the registration steps, orders at a constant arrival rate: `POST /api/orders` (one item of a"
                        + " product stocked for the whole run, with an Idempotency-Key), for %d customers registered through"
                        + " the REST API beforehand, in turn. The payment provider runs beside the server as with the run"
                        + " command. *REST* is from the due time to the 202. *Confirmed* is from the due time to the"
                        + " order's `updated_at` as it turned CONFIRMED (`ordering.purchase_order`: stock reserved, payment"
                        + " authorised by the provider, shipment arranged). Cancelled orders (compensated or refused) are"
                        + " counted apart; *unfinished* ones had not ended %d s after the last order was due.",
                Orders.CUSTOMERS, steps.get(0).drain().toSeconds());
        line("");
        line(
                "| offered /s | 202 | failed | achieved /s | REST p50 ms | p99 | p99.9 | confirmed | confirmed p50 ms | p99"
                        + " | max | cancelled | unfinished | lateness p99 ms | server CPU ms/order | PG CPU ms/order |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var s : steps) {
            var c = s.load().counts();
            line(
                    "| %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %d | %.0f | %.0f | %.0f | %d | %d | %.2f | %.2f | %.2f |",
                    s.rate(),
                    c.ok(),
                    c.errors() + c.refused(),
                    s.load().achievedRate(),
                    s.restMillis(0.5),
                    s.restMillis(0.99),
                    s.restMillis(0.999),
                    s.confirmed(),
                    s.confirmedMillis(0.5),
                    s.confirmedMillis(0.99),
                    s.confirmedMaxMillis(),
                    s.cancelled(),
                    s.ends().unfinished(),
                    s.latenessMillis(0.99),
                    s.serverCpuPerOrder(),
                    s.databaseCpuPerOrder());
        }
        line("");
        line("Server RSS: %d MiB before the order steps, %d MiB after them.", rssAfterRun, rssAfterOrders);
        line("");
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
