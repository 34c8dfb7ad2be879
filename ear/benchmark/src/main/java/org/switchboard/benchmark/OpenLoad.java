package org.switchboard.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model load generator: requests (registrations, orders) are due at a constant rate whatever
 * the server does, and each latency is measured from the moment its request was due, not from when
 * it was sent, so a stalled server shows up as latency instead of as fewer requests (no coordinated
 * omission). Its own lateness (how long after the due time a request actually left) is recorded
 * too: it proves that the generator, not the server, kept the schedule.
 */
final class OpenLoad {

    /** Past this many outstanding requests the generator stops sending and counts them as refused. */
    private static final int MAX_IN_FLIGHT = 4000;

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private static final System.Logger LOG = System.getLogger(OpenLoad.class.getName());

    /** A constant arrival rate for some seconds; request {@code i} is due at {@code start + i / rate}. */
    record Schedule(Flow flow, String step, int rate, int seconds) {

        int requests() {
            return rate * seconds;
        }

        String prefix() {
            return flow.prefix(step);
        }
    }

    /** What one step did: due-time latencies of the accepted requests, the generator's lateness, counts, timing. */
    record Outcome(Schedule schedule, Instant startedAt, Histogram rest, Histogram lateness, Counts counts) {

        /** Accepted requests per second, from the first due time to the last answer. */
        double achievedRate() {
            return counts.ok() / Math.max(counts.seconds(), schedule.seconds());
        }

        /** Wall-clock time request {@code i} was due (for time to effect, from the rows). */
        Instant due(long i) {
            return startedAt.plusNanos((long) (i * 1e9 / schedule.rate()));
        }
    }

    record Counts(int ok, int errors, int refused, double seconds) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;

    private final java.util.concurrent.ExecutorService senders =
            java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
                var thread = new Thread(r, "bench-sender");
                thread.setDaemon(true);
                return thread;
            });

    OpenLoad(URI base) {
        this.base = base;
    }

    /** Registrations of the schedule's flow, each answered 201 when accepted. */
    Outcome run(Schedule schedule) throws InterruptedException {
        return run(schedule, i -> request(schedule, i), 201);
    }

    /** The schedule's request {@code i} from {@code requests}; {@code accepted} is the status of a success. */
    Outcome run(Schedule schedule, IntFunction<HttpRequest> requests, int accepted) throws InterruptedException {
        var rest = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        var lateness = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        var ok = new AtomicInteger();
        var errors = new AtomicInteger();
        var refused = new AtomicInteger();
        // What the errors were (a status, or the client's exception): the report only counts them.
        var failures = new java.util.concurrent.ConcurrentSkipListMap<String, Integer>();
        var inFlight = new AtomicInteger();
        var lastAnswer = new AtomicLong();
        var period = 1e9 / schedule.rate();
        var lead = TimeUnit.MILLISECONDS.toNanos(20);
        var start = System.nanoTime() + lead;
        var startedAt = Instant.now().plusNanos(lead);
        var pending = new CompletableFuture<?>[schedule.requests()];
        for (int i = 0; i < schedule.requests(); i++) {
            var due = start + (long) (i * period);
            var now = System.nanoTime();
            while (now < due) {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            var answered = new CompletableFuture<Void>();
            pending[i] = answered;
            var request = requests.apply(i);
            // The schedule's thread only hands the request over: a send that blocks (a new
            // connection, say) delays that request, which its lateness shows, not the ones after it.
            senders.execute(() -> {
                var sent = System.nanoTime();
                lateness.recordValue(Math.min(HIGHEST_MICROS, (sent - due) / 1000));
                if (inFlight.get() >= MAX_IN_FLIGHT) {
                    refused.incrementAndGet();
                    answered.complete(null);
                    return;
                }
                inFlight.incrementAndGet();
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    var done = System.nanoTime();
                    inFlight.decrementAndGet();
                    lastAnswer.accumulateAndGet(done, Math::max);
                    if (failure == null && response.statusCode() == accepted) {
                        ok.incrementAndGet();
                        rest.recordValue(Math.min(HIGHEST_MICROS, (done - due) / 1000));
                    } else {
                        errors.incrementAndGet();
                        failures.merge(
                                failure == null
                                        ? "HTTP " + response.statusCode()
                                        : (failure.getCause() == null ? failure : failure.getCause())
                                                .getClass()
                                                .getSimpleName(),
                                1,
                                Integer::sum);
                    }
                    answered.complete(null);
                });
            });
        }
        try {
            CompletableFuture.allOf(pending).get(5, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException stillOpen) {
            // a request still open after five minutes counts as neither answered nor failed
        }
        var seconds = (lastAnswer.get() - start) / 1e9;
        if (!failures.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "{0}: errors {1}", schedule.prefix(), failures);
        }
        return new Outcome(
                schedule, startedAt, rest, lateness, new Counts(ok.get(), errors.get(), refused.get(), seconds));
    }

    /** One registration, answered 201 by either flow (same body for both). */
    boolean registerOne(Flow flow, String email) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(base.resolve(flow.path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body(email, 0)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
    }

    private HttpRequest request(Schedule schedule, int i) {
        var email = schedule.prefix() + "-" + i + "@bench.example";
        return HttpRequest.newBuilder(base.resolve(schedule.flow().path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body(email, i)))
                .build();
    }

    private static String body(String email, int i) {
        return "{\"email\":\"" + email + "\",\"givenName\":\"Bench\",\"familyName\":\"Client " + i
                + "\",\"marketingConsent\":" + (i % 2 == 0) + "}";
    }
}
