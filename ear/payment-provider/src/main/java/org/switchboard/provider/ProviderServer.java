package org.switchboard.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The provider's process: the payments API on one port, the admin API on another. Arguments
 * (system properties work too): {@code --host=127.0.0.1 --port=8091 --admin-port=8092
 * --settle-after=1500} (ms until a pending payment settles), {@code --webhook-url=… --webhook-secret=…} (where settlements
 * are announced, {@link Webhooks}; none by default). Being "down" closes the API port, so callers
 * see their connection refused; the admin port stays up to bring it back.
 *
 * <pre>
 * POST /payments                      {"reference","amount","currency"}  authorise
 * POST /payments/{reference}/capture  {}                                 capture
 * POST /payments/{reference}/refund   {}                                 void or refund
 * GET  /payments/{reference}                                             status
 * GET|PUT /admin/behaviour   GET /admin/counters   POST /admin/reset
 * GET|PUT /admin/webhooks {"url","secret"}   POST /admin/webhooks/resend {"eventId"}
 * POST /admin/chargebacks {"reference","reason"}: a paid payment is charged back and announced
 * </pre>
 */
public final class ProviderServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ProviderServer.class.getName());

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final String host;
    private final int port;
    private final Ledger ledger;
    private final ScheduledExecutorService late = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "provider-late-answers");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "provider-http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpServer admin;
    private volatile HttpServer api;
    private volatile Behaviour behaviour = Behaviour.NORMAL;

    private final Webhooks webhooks;

    private ProviderServer(String host, int port, int adminPort, Duration settleAfter, Webhooks webhooks)
            throws IOException {
        this.host = host;
        this.port = port;
        this.webhooks = webhooks;
        this.ledger = new Ledger(
                settleAfter,
                () -> ThreadLocalRandom.current().nextDouble(),
                payment -> webhooks.announce("payment.settled", payment));
        admin = HttpServer.create(new InetSocketAddress(host, adminPort), 0);
        admin.createContext("/admin/", this::admin);
        admin.setExecutor(workers);
        admin.start();
        up();
    }

    /** Starts the provider; it runs until {@link #close()}. */
    public static ProviderServer start(int port, int adminPort, Duration settleAfter) throws IOException {
        return start(port, adminPort, settleAfter, null, null);
    }

    /** As above, announcing settlements to {@code webhookUrl} (null: none), signed with {@code webhookSecret}. */
    public static ProviderServer start(
            int port, int adminPort, Duration settleAfter, String webhookUrl, String webhookSecret) throws IOException {
        return start("127.0.0.1", port, adminPort, settleAfter, webhookUrl, webhookSecret);
    }

    /** As above, listening on {@code host} instead of loopback (cluster mode's nodes in network namespaces). */
    public static ProviderServer start(
            String host, int port, int adminPort, Duration settleAfter, String webhookUrl, String webhookSecret)
            throws IOException {
        return new ProviderServer(host, port, adminPort, settleAfter, new Webhooks(webhookUrl, webhookSecret));
    }

    public static void main(String[] args) throws IOException {
        var host = option(args, "host", "127.0.0.1");
        var port = Integer.parseInt(option(args, "port", "8091"));
        var adminPort = Integer.parseInt(option(args, "admin-port", String.valueOf(port + 1)));
        var settleAfter = Duration.ofMillis(Long.parseLong(option(args, "settle-after", "1500")));
        var server = start(
                host,
                port,
                adminPort,
                settleAfter,
                option(args, "webhook-url", null),
                option(args, "webhook-secret", ""));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "provider-stop"));
        System.out.printf(
                "Payment provider on http://%s:%d/payments, admin on http://%s:%d/admin/behaviour%n",
                host, port, host, adminPort);
    }

    private static String option(String[] args, String name, String fallback) {
        for (var arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return System.getProperty("provider." + name, fallback);
    }

    @Override
    public void close() {
        down();
        admin.stop(0);
        workers.shutdownNow();
        late.shutdownNow();
    }

    private synchronized void up() throws IOException {
        if (api != null) {
            return;
        }
        var server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/payments", this::payments);
        server.setExecutor(workers);
        server.start();
        api = server;
    }

    private synchronized void down() {
        if (api != null) {
            api.stop(0);
            api = null;
        }
    }

    private void payments(HttpExchange exchange) throws IOException {
        var answeredLater = false;
        try {
            var segments = exchange.getRequestURI().getPath().split("/");
            var method = exchange.getRequestMethod();
            if ("GET".equals(method) && segments.length == 3) {
                Answer.send(exchange, ledger.status(segments[2]));
                return;
            }
            var operation = operation(method, segments);
            if (operation == null) {
                Answer.send(
                        exchange,
                        Answer.problem(
                                404, "Not found", exchange.getRequestURI().getPath()));
                return;
            }
            ledger.called(operation);
            var now = behaviour;
            if (ThreadLocalRandom.current().nextDouble() < now.failureRatio()) {
                ledger.failedOnPurpose();
                Answer.send(exchange, Answer.problem(503, "Unavailable", "Failing on purpose (admin: failureRatio)"));
                return;
            }
            var answer = decide(exchange, operation, segments, now);
            // Late, after the work is done: a caller that gave up waiting has been charged anyway. A
            // timer answers, so a slow provider holds no worker thread.
            if (now.delayMs() > 0) {
                late.schedule(() -> answerLate(exchange, answer), now.delayMs(), TimeUnit.MILLISECONDS);
                answeredLater = true;
                return;
            }
            Answer.send(exchange, answer);
        } finally {
            if (!answeredLater) {
                exchange.close();
            }
        }
    }

    private static void answerLate(HttpExchange exchange, Answer answer) {
        try (exchange) {
            Answer.send(exchange, answer);
        } catch (IOException callerGone) {
            // The caller stopped waiting: the charge stands, as it would at a real provider.
        }
    }

    private static Operation operation(String method, String[] segments) {
        if (!"POST".equals(method)) {
            return null;
        }
        if (segments.length == 2) {
            return Operation.AUTHORISE;
        }
        if (segments.length == 4) {
            return switch (segments[3]) {
                case "capture" -> Operation.CAPTURE;
                case "refund" -> Operation.REFUND;
                default -> null;
            };
        }
        return null;
    }

    private Answer decide(HttpExchange exchange, Operation operation, String[] segments, Behaviour now)
            throws IOException {
        var key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY);
        if (key == null || key.isBlank()) {
            return Answer.problem(400, "Idempotency-Key required", "Every call carries an Idempotency-Key header");
        }
        JsonObject body;
        try {
            body = read(exchange.getRequestBody());
        } catch (JsonException | ClassCastException e) {
            return Answer.problem(400, "Malformed body", "A JSON object is expected");
        }
        var fingerprint = fingerprint(operation, segments, body);
        try {
            return switch (operation) {
                case AUTHORISE ->
                    ledger.authorise(
                            key,
                            fingerprint,
                            body.getString("reference"),
                            body.getJsonNumber("amount").longValueExact(),
                            body.getString("currency"),
                            now);
                case CAPTURE -> ledger.capture(key, fingerprint, segments[2]);
                case REFUND -> ledger.refund(key, fingerprint, segments[2]);
            };
        } catch (NullPointerException | ClassCastException | ArithmeticException e) {
            return Answer.problem(400, "Malformed body", "reference, amount (minor units) and currency are required");
        }
    }

    /** The request as the provider compares it under one key: operation, path and body with sorted fields. */
    static String fingerprint(Operation operation, String[] segments, JsonObject body) {
        return operation + " " + String.join("/", segments) + " " + new TreeMap<String, JsonValue>(body);
    }

    private void admin(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath();
            var method = exchange.getRequestMethod();
            switch (method + " " + path) {
                case "GET /admin/behaviour" -> Answer.send(exchange, new Answer(200, behaviour.toJson(), false));
                case "PUT /admin/behaviour", "POST /admin/behaviour" -> {
                    try {
                        change(behaviour.with(read(exchange.getRequestBody())));
                        Answer.send(exchange, new Answer(200, behaviour.toJson(), false));
                    } catch (JsonException | ClassCastException | IllegalArgumentException | ArithmeticException e) {
                        Answer.send(exchange, Answer.problem(400, "Bad behaviour", e.getMessage()));
                    }
                }
                case "POST /admin/reset" -> {
                    change(Behaviour.NORMAL);
                    Answer.send(exchange, new Answer(200, behaviour.toJson(), false));
                }
                case "GET /admin/counters" -> Answer.send(exchange, new Answer(200, ledger.counters(), false));
                case "GET /admin/webhooks",
                        "PUT /admin/webhooks",
                        "POST /admin/webhooks/resend",
                        "POST /admin/chargebacks" ->
                    Answer.send(exchange, webhooks.admin(method + " " + path, exchange.getRequestBody(), ledger));
                default -> Answer.send(exchange, Answer.problem(404, "Not found", path));
            }
        }
    }

    private synchronized void change(Behaviour next) {
        behaviour = next;
        if (next.down()) {
            down();
        } else {
            try {
                up();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        LOG.log(System.Logger.Level.INFO, "Behaviour now {0}", next);
    }

    private static JsonObject read(InputStream body) {
        try (var reader = Json.createReader(body)) {
            return reader.readObject();
        }
    }
}
