package org.switchboard.resilience;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.switchboard.resilience.OrderLoad.Order;

/**
 * The orders' invariants, read from the tables of Ordering, Inventory, Payments and Shipping over
 * JDBC: every order a client was told accepted exists once and its saga has ended, CONFIRMED or
 * CANCELLED with everything it did undone; stock and money balance against the confirmed orders.
 */
final class OrderChecker {

    /** How the run's orders ended. */
    record Ends(int confirmed, int compensated) {}

    /**
     * What must be zero. lost: an order the client knows accepted (202) is missing; phantom: a
     * definite failure left an order; unfinished: a saga not ended, or an order whose state is not its
     * saga's; doubled: an order confirmed more than once, or two orders for one key; stock: a SKU whose
     * initial stock less the confirmed quantities is not what is available, or a cancelled saga that
     * still holds a reservation; money: a confirmed order without its authorised amount, a cancelled
     * one with an amount still authorised, an account whose authorised total is not the sum of its
     * authorisations, or a refund (the load returns nothing).
     */
    record Breaches(int lost, int phantom, int unfinished, int doubled, int stock, int money) {

        boolean none() {
            return lost + phantom + unfinished + doubled + stock + money == 0;
        }
    }

    /**
     * The verdict on the orders. {@code orphanShipments}: shipments arranged for cancelled orders,
     * counted apart: Shipping has no cancellation yet (a saga that gives up while arranging the
     * shipment leaves it arranged), so they are a known gap, not a breach.
     */
    record OrderEffects(Ends ends, Breaches breaches, int orphanShipments, List<String> examples) {

        static final OrderEffects NONE = new OrderEffects(new Ends(0, 0), new Breaches(0, 0, 0, 0, 0, 0), 0, List.of());

        boolean holds() {
            return breaches.none();
        }
    }

    private record Row(UUID orderId, String state, long total, UUID customerId, UUID sagaId, String sagaState) {}

    private final List<String> examples = new ArrayList<>();

    private OrderChecker() {}

    static OrderEffects check(Connection c, List<Order> orders, String keyPattern) throws SQLException {
        return new OrderChecker().effects(c, orders, keyPattern);
    }

    private OrderEffects effects(Connection c, List<Order> orders, String keyPattern) throws SQLException {
        var rows = new HashMap<String, Row>();
        int doubled = 0;
        try (var s = c.prepareStatement("select o.idempotency_key, o.id, o.state, o.total, o.customer_id, s.id, s.state"
                + " from ordering.purchase_order o left join ordering.saga s on s.order_id = o.id"
                + " where o.idempotency_key like ?")) {
            s.setString(1, keyPattern);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    var row = new Row(
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getLong(4),
                            rs.getObject(5, UUID.class),
                            rs.getObject(6, UUID.class),
                            rs.getString(7));
                    if (rows.put(rs.getString(1), row) != null) {
                        doubled++;
                    }
                }
            }
        }
        doubled += (int) single(
                c,
                "select count(*) from (select saga_id from ordering.saga_step where note like '%order confirmed'"
                        + " group by saga_id having count(*) > 1) twice");
        var unfinished =
                (int) single(c, "select count(*) from ordering.saga where state not in ('CONFIRMED', 'CANCELLED')");
        var authorised = map(c, "select saga_id, amount from payments.authorisation where state = 'AUTHORISED'");
        var reserved = map(c, "select saga_id, 0 from inventory.reservation where state = 'RESERVED'");
        var arranged = map(c, "select saga_id, 0 from shipping.shipment where state = 'ARRANGED'");

        int lost = 0, phantom = 0, confirmed = 0, compensated = 0, money = 0, stock = 0, orphans = 0;
        for (var order : orders) {
            var row = rows.get(order.idempotencyKey);
            switch (order.expectation()) {
                case ONE -> lost += breach(row == null, order, "accepted, missing");
                case NONE -> phantom += breach(row != null, order, "refused, present");
                case ZERO_OR_ONE -> {}
            }
        }
        for (var row : rows.values()) {
            // A saga still running is counted above; an ended one must have ended its order alike.
            var ended = "CONFIRMED".equals(row.sagaState()) || "CANCELLED".equals(row.sagaState());
            unfinished += breach(
                    row.sagaState() == null || (ended && !row.state().equals(row.sagaState())),
                    row,
                    "order is not its saga");
            var amount = authorised.get(row.sagaId());
            switch (row.state()) {
                case "CONFIRMED" -> {
                    confirmed++;
                    money += breach(
                            amount == null || amount != row.total(), row, "confirmed without its amount authorised");
                    stock += breach(!reserved.containsKey(row.sagaId()), row, "confirmed without its stock reserved");
                }
                case "CANCELLED" -> {
                    compensated++;
                    money += breach(amount != null, row, "cancelled with " + amount + " still authorised");
                    stock += breach(reserved.containsKey(row.sagaId()), row, "cancelled with its stock still reserved");
                    orphans += arranged.containsKey(row.sagaId()) ? 1 : 0;
                }
                default -> {}
            }
        }
        stock += stockOff(c);
        money += moneyOff(c);
        return new OrderEffects(
                new Ends(confirmed, compensated),
                new Breaches(lost, phantom, unfinished, doubled, stock, money),
                orphans,
                List.copyOf(examples));
    }

    /** SKUs whose initial stock less what confirmed orders took is not what is available. */
    private int stockOff(Connection c) throws SQLException {
        var taken = map(
                c,
                "select l.sku, sum(l.quantity) from ordering.order_line l join ordering.purchase_order o on o.id = l.order_id"
                        + " where o.state = 'CONFIRMED' group by l.sku");
        var available = map(c, "select sku, available from inventory.stock");
        var off = 0;
        for (var product : OrderLoad.PRODUCTS.entrySet()) {
            var sku = product.getKey();
            var expected = product.getValue()[1] - taken.getOrDefault(sku, 0L);
            if (available.getOrDefault(sku, -1L) != expected) {
                off++;
                example(sku + ": " + product.getValue()[1] + " - " + taken.getOrDefault(sku, 0L) + " confirmed = "
                        + expected + ", available " + available.get(sku));
            }
        }
        return off;
    }

    /** Accounts whose authorised total is not the sum of their authorisations; any refund. */
    private int moneyOff(Connection c) throws SQLException {
        var off = (int)
                single(
                        c,
                        "select count(*) from payments.account a where a.authorised <> (select coalesce(sum(amount), 0)"
                                + " from payments.authorisation z where z.customer_id = a.customer_id and z.state = 'AUTHORISED')");
        if (off > 0) {
            example(off + " account(s) whose authorised total is not the sum of their authorisations");
        }
        var refunds = (int) single(c, "select count(*) from payments.refund");
        if (refunds > 0) {
            example(refunds + " refund(s), for a load that returns nothing");
        }
        return off + refunds;
    }

    private int breach(boolean broken, Object what, String why) {
        if (broken) {
            example(why + ": " + (what instanceof Order o ? o.idempotencyKey + " " + o.kind : what));
        }
        return broken ? 1 : 0;
    }

    private void example(String text) {
        if (examples.size() < 5) {
            examples.add(text);
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first column as key, the second (a number) as value. */
    private static <K> Map<K, Long> map(Connection c, String sql) throws SQLException {
        var result = new HashMap<K, Long>();
        try (var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                @SuppressWarnings("unchecked")
                var key = (K) rs.getObject(1);
                result.put(key, rs.getLong(2));
            }
        }
        return result;
    }
}
