package org.switchboard.provider;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The provider's payments, by the merchant's reference, and the idempotency keys it has seen, in
 * memory. A key is remembered with a fingerprint of its request: the same key with the same request
 * replays (the payment's current state, never a second charge), the same key with another request
 * is refused with 422. One lock serialises the decisions, so two concurrent calls with one key
 * charge once; the answers may then be delayed in parallel.
 */
final class Ledger {

    private static final System.Logger LOG = System.getLogger(Ledger.class.getName());

    /** One payment: what was asked, where it stands, and how often money moved for it. */
    static final class Payment {
        final String reference;
        final long amount;
        final String currency;
        PaymentStatus status;
        String reason;
        int charges;

        Payment(String reference, long amount, String currency, PaymentStatus status) {
            this.reference = reference;
            this.amount = amount;
            this.currency = currency;
            this.status = status;
        }

        JsonObject toJson() {
            var json = Json.createObjectBuilder()
                    .add("reference", reference)
                    .add("amount", amount)
                    .add("currency", currency)
                    .add("status", status.name())
                    .add("charges", charges);
            if (reason != null) {
                json.add("reason", reason);
            }
            return json.build();
        }
    }

    private record Seen(String fingerprint, String reference, Operation operation) {}

    private final Map<String, Payment> payments = new HashMap<>();
    private final Map<String, Seen> keys = new HashMap<>();
    private final Map<Operation, Long> calls = new EnumMap<>(Operation.class);
    private long replays;
    private long conflicts;
    private long injectedFailures;
    private final Duration settleAfter;
    private final DoubleSupplier random;
    private final ScheduledExecutorService settlements = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "provider-settlements");
        thread.setDaemon(true);
        return thread;
    });

    private final java.util.function.Consumer<JsonObject> settled;

    Ledger(Duration settleAfter, DoubleSupplier random) {
        this(settleAfter, random, payment -> {});
    }

    /** {@code settled} hears each pending payment that settled, outside the ledger's lock. */
    Ledger(Duration settleAfter, DoubleSupplier random, java.util.function.Consumer<JsonObject> settled) {
        this.settleAfter = settleAfter;
        this.random = random;
        this.settled = settled;
    }

    synchronized void called(Operation operation) {
        calls.merge(operation, 1L, Long::sum);
    }

    synchronized void failedOnPurpose() {
        injectedFailures++;
    }

    /** Authorises {@code amount} for {@code reference} once per key: 201 authorised, 202 pending, 200 declined. */
    synchronized Answer authorise(
            String key, String fingerprint, String reference, long amount, String currency, Behaviour behaviour) {
        var earlier = replay(key, fingerprint);
        if (earlier != null) {
            return earlier;
        }
        var existing = payments.get(reference);
        if (existing != null && existing.status != PaymentStatus.VOIDED) {
            conflicts++;
            return Answer.problem(409, "Reference in use", "Payment " + reference + " was asked for under another key");
        }
        keys.put(key, new Seen(fingerprint, reference, Operation.AUTHORISE));
        if (existing != null) {
            // Cancelled before it was authorised: the late authorisation must not charge.
            return new Answer(200, existing.toJson(), false);
        }
        var payment = new Payment(reference, amount, currency, PaymentStatus.AUTHORISED);
        payments.put(reference, payment);
        if (amount > behaviour.declineAbove()) {
            payment.status = PaymentStatus.DECLINED;
            payment.reason = "Insufficient funds";
            return new Answer(200, payment.toJson(), false);
        }
        if (random.getAsDouble() < behaviour.pendingRatio()) {
            payment.status = PaymentStatus.PENDING;
            var after = behaviour.settleAfterMs() > 0 ? behaviour.settleAfterMs() : settleAfter.toMillis();
            settlements.schedule(() -> settle(reference), after, TimeUnit.MILLISECONDS);
            return new Answer(202, payment.toJson(), false);
        }
        payment.charges++;
        return new Answer(201, payment.toJson(), false);
    }

    /** Takes the authorised amount. */
    synchronized Answer capture(String key, String fingerprint, String reference) {
        var earlier = replay(key, fingerprint);
        if (earlier != null) {
            return earlier;
        }
        var payment = payments.get(reference);
        if (payment == null) {
            return Answer.problem(404, "No such payment", reference);
        }
        if (payment.status != PaymentStatus.AUTHORISED) {
            return Answer.problem(409, "Not capturable", reference + " is " + payment.status);
        }
        keys.put(key, new Seen(fingerprint, reference, Operation.CAPTURE));
        payment.status = PaymentStatus.CAPTURED;
        return new Answer(200, payment.toJson(), false);
    }

    /**
     * Gives back what the payment holds: an authorisation or a pending one is voided, a capture is
     * refunded, and an unknown reference is voided before it exists (a tombstone), so an
     * authorisation that arrives after its cancellation charges nothing.
     */
    synchronized Answer refund(String key, String fingerprint, String reference) {
        var earlier = replay(key, fingerprint);
        if (earlier != null) {
            return earlier;
        }
        keys.put(key, new Seen(fingerprint, reference, Operation.REFUND));
        var payment = payments.computeIfAbsent(reference, r -> new Payment(r, 0, "XXX", PaymentStatus.VOIDED));
        payment.status = switch (payment.status) {
            case PENDING, AUTHORISED -> PaymentStatus.VOIDED;
            case CAPTURED -> PaymentStatus.REFUNDED;
            case DECLINED, VOIDED, REFUNDED, CHARGED_BACK -> payment.status;
        };
        return new Answer(200, payment.toJson(), false);
    }

    /** The card holder's bank takes a paid payment back: the payment now, or empty if it was not paid. */
    synchronized java.util.Optional<JsonObject> chargeBack(String reference, String reason) {
        var payment = payments.get(reference);
        if (payment == null
                || (payment.status != PaymentStatus.AUTHORISED && payment.status != PaymentStatus.CAPTURED)) {
            return java.util.Optional.empty();
        }
        payment.status = PaymentStatus.CHARGED_BACK;
        payment.reason = reason;
        return java.util.Optional.of(payment.toJson());
    }

    synchronized Answer status(String reference) {
        var payment = payments.get(reference);
        return payment == null
                ? Answer.problem(404, "No such payment", reference)
                : new Answer(200, payment.toJson(), false);
    }

    synchronized JsonObject counters() {
        var byOperation = Json.createObjectBuilder();
        calls.forEach((operation, count) -> byOperation.add(operation.name().toLowerCase(), count));
        var charges = Json.createObjectBuilder();
        long total = 0;
        for (var payment : payments.values()) {
            if (payment.charges > 0) {
                charges.add(payment.reference, payment.charges);
                total += payment.charges;
            }
        }
        return Json.createObjectBuilder()
                .add("calls", byOperation)
                .add("replays", replays)
                .add("conflicts", conflicts)
                .add("injectedFailures", injectedFailures)
                .add("chargesTotal", total)
                .add("charges", charges)
                .build();
    }

    private void settle(String reference) {
        JsonObject now;
        synchronized (this) {
            var payment = payments.get(reference);
            if (payment == null || payment.status != PaymentStatus.PENDING) {
                return;
            }
            payment.status = PaymentStatus.AUTHORISED;
            payment.charges++;
            now = payment.toJson();
        }
        LOG.log(System.Logger.Level.INFO, "Payment {0} settled: AUTHORISED", reference);
        // The merchant hears it by webhook (if it gave a URL) or by asking again with its key.
        settled.accept(now);
    }

    /** The earlier answer for this key: the payment's state now, or 422 if the key came with another request. */
    private Answer replay(String key, String fingerprint) {
        var seen = keys.get(key);
        if (seen == null) {
            return null;
        }
        if (!seen.fingerprint().equals(fingerprint)) {
            conflicts++;
            return Answer.problem(
                    422, "Idempotency key reused", "Key " + key + " was used before with another request");
        }
        replays++;
        var payment = payments.get(seen.reference());
        return new Answer(payment.status == PaymentStatus.PENDING ? 202 : 200, payment.toJson(), true);
    }
}
