package org.switchboard.resilience;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.switchboard.resilience.LoadGenerator.Expectation;
import org.switchboard.resilience.LoadGenerator.Outcome;
import org.switchboard.resilience.LoadGenerator.Registration;

/**
 * Compares every client's answer (registrations here, orders in {@link OrderChecker}) with every row and with the broker and the transaction log. Reads
 * PostgreSQL over JDBC and WildFly over its management API: the application is a black box.
 */
final class Checker {

    /**
     * Every destination of the broker must end empty: the business queues and topics (read from the
     * broker, so a new context's queues are checked without a change here), the dead-letter queues
     * ({@code DLQ.*}) and the expiry queues, whose messages count as dead letters.
     */
    static boolean deadLetterQueue(String destination) {
        return destination.equals("DLQ") || destination.startsWith("DLQ.") || destination.equals("ExpiryQueue");
    }

    private final Postgres postgres;
    private final Management management;

    Checker(Postgres postgres, Ports ports) {
        this.postgres = postgres;
        this.management = new Management(ports);
    }

    /** What the checker found, at one moment. */
    record Verdict(
            Effects effects,
            OrderChecker.OrderEffects orders,
            Leftovers leftovers,
            Map<String, Integer> deadLetterReasons) {

        boolean holds() {
            return orders.holds()
                    && effects.lost() == 0
                    && effects.duplicated() == 0
                    && effects.phantom() == 0
                    && effects.inconsistent() == 0
                    && leftovers.prepared() == 0
                    && leftovers.heuristic() == 0
                    && leftovers.queued() == 0
                    && leftovers.deadLettered() == 0;
        }
    }

    /**
     * Rows against answers. lost: a registration the client knows stored (201, or 409 on its retry)
     * lacks its customer or its contact; phantom: a definite failure left a row; inconsistent: an
     * unknown left a customer without contact or the reverse; duplicated: more than one row per
     * e-mail in a context, or more than one contact per customer.
     */
    record Effects(int lost, int duplicated, int phantom, int inconsistent, Unknowns unknowns, List<String> examples) {}

    /** Unresolved unknowns whose registration is stored in both contexts, or in neither. */
    record Unknowns(int stored, int absent) {}

    /**
     * What must be gone after recovery: PostgreSQL prepared transactions, Narayana log records
     * (heuristic participants counted apart), messages still queued, dead letters.
     */
    record Leftovers(int prepared, int heuristic, int logRecords, long queued, long deadLettered) {}

    Verdict check(LoadGenerator.Sent sent) throws SQLException, IOException, InterruptedException {
        OrderChecker.OrderEffects orders;
        try (var c = postgres.connect()) {
            orders = OrderChecker.check(c, sent.orders(), sent.orderKeys());
        }
        return new Verdict(
                effects(sent.registrations(), sent.emailPattern()), orders, leftovers(), deadLetterReasons());
    }

    Effects effects(List<Registration> registrations, String emailPattern) throws SQLException {
        var customers = new HashMap<String, Integer>();
        var contacts = new HashMap<String, Integer>();
        int duplicated = 0;
        try (var c = postgres.connect()) {
            count(c, "select email from webstore.customer where email like ?", emailPattern, customers);
            count(c, "select email from marketing.contact where email like ?", emailPattern, contacts);
            try (var s = c.prepareStatement("select count(*) from (select customer_id from marketing.contact"
                    + " where email like ? group by customer_id having count(*) > 1) d")) {
                s.setString(1, emailPattern);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    duplicated += rs.getInt(1);
                }
            }
        }
        int lost = 0, phantom = 0, inconsistent = 0, stored = 0, absent = 0;
        var examples = new java.util.ArrayList<String>();
        for (var r : registrations) {
            var customer = customers.getOrDefault(r.email, 0);
            var contact = contacts.getOrDefault(r.email, 0);
            if (customer > 1 || contact > 1) {
                duplicated++;
            }
            var wrong = switch (r.expectation()) {
                case ONE -> customer == 0 || contact == 0;
                case NONE -> customer + contact > 0;
                case ZERO_OR_ONE -> customer != contact;
            };
            if (wrong && examples.size() < 5) {
                examples.add(r.email + " (" + r.expectation() + ", first " + r.first.status()
                        + (r.retry == null ? "" : ", retry " + r.retry.status()) + ": customer " + customer
                        + ", contact " + contact + ")");
            }
            switch (r.expectation()) {
                case ONE -> lost += wrong ? 1 : 0;
                case NONE -> phantom += wrong ? 1 : 0;
                case ZERO_OR_ONE -> {
                    if (wrong) {
                        inconsistent++;
                    } else if (customer == 1) {
                        stored++;
                    } else {
                        absent++;
                    }
                }
            }
        }
        return new Effects(lost, duplicated, phantom, inconsistent, new Unknowns(stored, absent), examples);
    }

    private static void count(java.sql.Connection c, String sql, String pattern, Map<String, Integer> into)
            throws SQLException {
        try (var s = c.prepareStatement(sql)) {
            s.setString(1, pattern);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    into.merge(rs.getString(1), 1, Integer::sum);
                }
            }
        }
    }

    Leftovers leftovers() throws SQLException, IOException, InterruptedException {
        int prepared;
        try (var c = postgres.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("select count(*) from pg_prepared_xacts")) {
            rs.next();
            prepared = rs.getInt(1);
        }
        long queued = 0;
        long deadLettered = 0;
        for (var d : management.destinations()) {
            if (deadLetterQueue(d.name())) {
                deadLettered += management.messageCount(d);
            } else {
                queued += management.messageCount(d);
            }
        }
        var log = management.transactionLog();
        var heuristic = 0;
        for (var tx : log.values()) {
            if (tx instanceof JsonObject t && t.get("participants") instanceof JsonObject participants) {
                for (var p : participants.values()) {
                    if (p instanceof JsonObject participant
                            && participant.getString("status", "").toUpperCase().contains("HEURISTIC")) {
                        heuristic++;
                    }
                }
            }
        }
        return new Leftovers(prepared, heuristic, log.size(), queued, deadLettered);
    }

    /** Every dead letter by queue and reason; a dead letter without a reason ran out of attempts. */
    Map<String, Integer> deadLetterReasons() throws IOException, InterruptedException {
        var reasons = new TreeMap<String, Integer>();
        for (var q : management.destinations().stream()
                .map(Management.Destination::name)
                .filter(Checker::deadLetterQueue)
                .toList()) {
            for (var m : management.listMessages(q)) {
                var reason = m instanceof JsonObject o && o.containsKey("deadLetterReason")
                        ? o.get("deadLetterReason").toString().replace("\"", "")
                        : "delivery attempts exhausted";
                reasons.merge(q + ": " + reason, 1, Integer::sum);
            }
        }
        return reasons;
    }

    /** The first answers of a run, by outcome and status, e.g. {@code UNKNOWN -1 HttpTimeoutException}. */
    static Map<String, Integer> answers(List<? extends LoadGenerator.Request> requests) {
        var result = new TreeMap<String, Integer>();
        for (var r : requests) {
            var a = r.first;
            if (a != null) {
                var key = a.outcome() + " " + a.status() + (a.detail().isEmpty() ? "" : " " + a.detail());
                result.merge(key, 1, Integer::sum);
            }
        }
        return result;
    }

    static long count(List<? extends LoadGenerator.Request> requests, Outcome outcome) {
        return requests.stream()
                .filter(r -> r.first != null && r.first.outcome() == outcome)
                .count();
    }

    static long count(List<? extends LoadGenerator.Request> requests, Expectation expectation) {
        return requests.stream().filter(r -> r.expectation() == expectation).count();
    }
}
