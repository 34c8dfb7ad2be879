package org.switchboard.resilience;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Registers customers over HTTP the way impatient clients do: {@code clients} at most in flight, a
 * new registration every 1/rate seconds when a client is free (or back to back when the rate is 0),
 * each with a unique e-mail and an {@code Idempotency-Key}. After every {@code registrationsPerOrder}
 * registrations the same client also places an order for a customer registered before
 * ({@link OrderLoad}). Every answer is kept, for the checker.
 */
final class LoadGenerator implements AutoCloseable {

    private final String run;
    private final URI customers;
    private final int clients;
    private final double perSecond;
    private final int limit;
    private final Duration timeout;
    private final HttpClient http;
    private final Semaphore free;
    private final AtomicInteger next = new AtomicInteger();
    private final ConcurrentLinkedQueue<Registration> registrations = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(LoadGenerator::daemon);
    private final java.util.concurrent.ExecutorService pool;
    private final OrderLoad orders;
    private final int registrationsPerOrder;

    /**
     * {@code limit} registrations at most; the load's rate 0 sends back to back; its
     * {@code registrationsPerOrder} 0 places no orders.
     */
    LoadGenerator(String run, Scenarios.Load load, int limit, Duration timeout, Ports ports) {
        this.run = run.toLowerCase(java.util.Locale.ROOT);
        this.customers = ports.http("/api/customers");
        this.clients = load.clients();
        this.perSecond = load.perSecond();
        this.registrationsPerOrder = load.registrationsPerOrder();
        this.limit = limit;
        this.timeout = timeout;
        this.free = new Semaphore(clients);
        this.pool = Executors.newFixedThreadPool(clients, LoadGenerator::daemon);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newFixedThreadPool(2, LoadGenerator::daemon))
                .build();
        this.orders = new OrderLoad(this.run, ports.http("/api/orders"), this);
    }

    /** Clients never keep the JVM (or Maven's, under exec:java) alive. */
    private static Thread daemon(Runnable r) {
        var t = new Thread(r, "resilience-client");
        t.setDaemon(true);
        return t;
    }

    void start() {
        if (perSecond > 0) {
            var period = (long) (1_000_000 / perSecond);
            pacer.scheduleAtFixedRate(this::offer, 0, period, TimeUnit.MICROSECONDS);
        } else {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < limit; i = next.getAndIncrement()) {
                        send(i);
                    }
                });
            }
        }
    }

    /** One tick of the pace: a registration if a client is free, none if all are waiting. */
    private void offer() {
        if (next.get() >= limit || !free.tryAcquire()) {
            return;
        }
        var i = next.getAndIncrement();
        if (i >= limit) {
            free.release();
            return;
        }
        pool.submit(() -> {
            try {
                send(i);
            } finally {
                free.release();
            }
        });
    }

    private void send(int i) {
        var email = run + "-" + i + "@resilience.example";
        var registration = new Registration(email, UUID.randomUUID().toString());
        registrations.add(registration);
        registration.first = attempt(registration);
        if (registration.customerId != null) {
            orders.registered(UUID.fromString(registration.customerId));
        }
        if (registrationsPerOrder > 0 && i % registrationsPerOrder == registrationsPerOrder - 1) {
            orders.place(i / registrationsPerOrder);
        }
    }

    /** Sends (or re-sends, with the same key) a registration; classifies what comes back. */
    Answer attempt(Registration r) {
        var body = "{\"email\":\"" + r.email + "\",\"givenName\":\"Resilience\",\"familyName\":\"Client\","
                + "\"marketingConsent\":true}";
        return post(customers, r.idempotencyKey, body, 201, response -> {
            var location = response.headers().firstValue("Location").orElse("");
            r.customerId = location.substring(location.lastIndexOf('/') + 1);
        });
    }

    /**
     * POSTs {@code body} with the key and classifies the answer; {@code created} reads the answer of
     * a success ({@code success} is its status).
     */
    Answer post(URI uri, String idempotencyKey, String body, int success, Consumer<HttpResponse<String>> created) {
        var request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        var t0 = System.nanoTime();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var micros = (System.nanoTime() - t0) / 1000;
            var status = response.statusCode();
            if (status == success) {
                created.accept(response);
                return new Answer(Outcome.SUCCESS, status, "", micros);
            }
            // 503 is the server's word that nothing was stored, unless its problem type says the
            // commit's outcome is unknown; any other 5xx may have stored it.
            var unknown = status == 503 && response.body().contains("/problems/outcome-unknown");
            var outcome = (status < 500 || status == 503) && !unknown ? Outcome.DEFINITE_FAILURE : Outcome.UNKNOWN;
            return new Answer(outcome, status, unknown ? "outcome-unknown" : "", micros);
        } catch (ConnectException refused) {
            // Nothing reached the server: as definite as a 4xx.
            return new Answer(Outcome.DEFINITE_FAILURE, 0, "connection refused", (System.nanoTime() - t0) / 1000);
        } catch (IOException e) {
            return new Answer(Outcome.UNKNOWN, -1, e.getClass().getSimpleName(), (System.nanoTime() - t0) / 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Outcome.UNKNOWN, -1, "interrupted", 0);
        }
    }

    /**
     * After recovery: each unknown registration and order once more with its key; returns how
     * many were retried.
     */
    int retryUnknowns() {
        var retried = 0;
        for (var r : registrations) {
            if (r.first != null && r.first.outcome() == Outcome.UNKNOWN && retried < 100_000) {
                r.retry = attempt(r);
                retried++;
            }
        }
        return retried + orders.retryUnknowns();
    }

    /** Stops offering new registrations and waits (bounded) for those in flight. */
    void stop() throws InterruptedException {
        pacer.shutdownNow();
        next.set(Math.max(next.get(), limit));
        pool.shutdown();
        pool.awaitTermination(timeout.toSeconds() + 30, TimeUnit.SECONDS);
    }

    /** Waits (bounded) until a back-to-back run has sent all it was asked to. */
    void awaitCompletion(Duration max) throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(max.toSeconds(), TimeUnit.SECONDS);
    }

    int registrationsSent() {
        return registrations.size();
    }

    List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    /** Everything sent so far, with every answer. */
    Sent sent() {
        return new Sent(run, List.copyOf(registrations), orders.orders());
    }

    /** What a run sent: its registrations and orders, told apart from other runs' by the run's name. */
    record Sent(String run, List<Registration> registrations, List<OrderLoad.Order> orders) {

        /** The e-mails of this run, for SQL: {@code like} this. */
        String emailPattern() {
            return run + "-%@resilience.example";
        }

        /** The idempotency keys of this run's orders, for SQL: {@code like} this. */
        String orderKeys() {
            return OrderLoad.keyPattern(run);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    enum Outcome {
        SUCCESS,
        DEFINITE_FAILURE,
        UNKNOWN
    }

    /** One answer: {@code status} 0 when refused, -1 when no answer came (timeout, reset). */
    record Answer(Outcome outcome, int status, String detail, long micros) {}

    /**
     * A request a client sent with an {@code Idempotency-Key}: its first answer and, for an unknown,
     * the answer to the retry with the same key.
     */
    abstract static class Request {
        final String idempotencyKey;
        volatile Answer first;
        volatile Answer retry;

        Request(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
        }

        /** What the client finally knows: the retry's answer if there was one. */
        Expectation expectation() {
            var last = retry != null ? retry : first;
            if (last == null) {
                return Expectation.ZERO_OR_ONE;
            }
            if (last.outcome() == Outcome.SUCCESS || (retry != null && retry.status() == 409)) {
                return Expectation.ONE; // 409 on a retry: the first attempt did store it
            }
            if (last.outcome() == Outcome.DEFINITE_FAILURE && retry == null) {
                return Expectation.NONE;
            }
            return Expectation.ZERO_OR_ONE;
        }
    }

    /** One client's registration. */
    static final class Registration extends Request {
        final String email;
        volatile String customerId;

        Registration(String email, String idempotencyKey) {
            super(idempotencyKey);
            this.email = email;
        }
    }

    enum Expectation {
        ONE,
        NONE,
        ZERO_OR_ONE
    }
}
