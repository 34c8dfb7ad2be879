package org.switchboard.web.login;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.switchboard.operations.monitoring.boundary.Counters;

/**
 * Runs before the container's authentication (an outer handler of the servlet deployment, on a
 * worker thread), so it sees every request that presents credentials:
 *
 * <ul>
 *   <li>a malformed Basic header gets the container's own 401 problem document (web.xml's error
 *       page for 401) without reaching Elytron, whose BASIC mechanism throws on bad base64 (a 500);
 *   <li>an address that is throttled gets 429 with {@code Retry-After}, its credentials unread;
 *   <li>after the container answered, a 401 to well-formed credentials is a failed login: one log
 *       line (user, address; never the password), counted, and held against the address.
 * </ul>
 */
final class LoginGate implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(LoginGate.class.getName());

    static final String METRIC = "switchboard.login.failures";

    static final String HELP =
            "Failed logins by reason: WRONG_CREDENTIALS, MALFORMED (unreadable Basic credentials), THROTTLED (refused unread: too many from one address)";

    private static final String REALM_CHALLENGE = "Basic realm=\"Switchboard operations\"";

    private final HttpHandler next;
    private final FailedLogins failedLogins;
    private final String unauthorized;
    private volatile Counters counters;

    /** @param unauthorized the container's own 401 problem document (web.xml's error page for 401) */
    LoginGate(HttpHandler next, FailedLogins failedLogins, String unauthorized) {
        this.next = next;
        this.failedLogins = failedLogins;
        this.unauthorized = unauthorized;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        var presented = PresentedCredentials.read(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        var address = exchange.getSourceAddress().getAddress().getHostAddress();
        switch (presented.form()) {
            case NONE, OTHER -> next.handleRequest(exchange);
            case MALFORMED -> {
                failure(LoginFailure.MALFORMED, presented, address, 0);
                problem(exchange, HttpServletResponse.SC_UNAUTHORIZED, unauthorized);
            }
            case BASIC -> {
                var wait = failedLogins.waitFor(address, Instant.now());
                if (!wait.isZero() && !wait.isNegative()) {
                    failure(LoginFailure.THROTTLED, presented, address, 0);
                    tooManyAttempts(exchange, Math.max(1, wait.toSeconds()));
                    return;
                }
                next.handleRequest(exchange);
                if (exchange.getStatusCode() == HttpServletResponse.SC_UNAUTHORIZED) {
                    failure(
                            LoginFailure.WRONG_CREDENTIALS,
                            presented,
                            address,
                            failedLogins.failed(address, Instant.now()));
                }
            }
        }
    }

    private void failure(LoginFailure failure, PresentedCredentials presented, String address, int inWindow) {
        switch (failure) {
            case WRONG_CREDENTIALS ->
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Failed login as {0} from {1} ({2} in the last {3} min)",
                        presented.loggableUser(),
                        address,
                        inWindow,
                        failedLogins.window().toMinutes());
            case MALFORMED ->
                LOG.log(System.Logger.Level.WARNING, "Failed login from {0}: malformed Basic credentials", address);
            case THROTTLED ->
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Failed login as {0} from {1}: throttled, too many wrong credentials from this address",
                        presented.loggableUser(),
                        address);
        }
        counters().increment(METRIC, HELP, "reason", failure.name());
    }

    /** Operations' counters, found on first use (a handler is no CDI bean); on a worker thread, so CDI sees the deployment. */
    private Counters counters() {
        var found = counters;
        if (found == null) {
            found = CDI.current().select(Counters.class).get();
            counters = found;
        }
        return found;
    }

    /**
     * Written here: the servlet error page cannot serve it, as the error dispatch needs the security
     * context that the container's authentication, which has not run, would have set up.
     */
    private static void problem(HttpServerExchange exchange, int status, String body) {
        exchange.setStatusCode(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, REALM_CHALLENGE);
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }

    private static void tooManyAttempts(HttpServerExchange exchange, long retryAfterSeconds) {
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(retryAfterSeconds));
        problem(exchange, 429, """
                {"type":"https://switchboard.example/problems/too-many-login-attempts",\
                "title":"Too many login attempts","status":429,\
                "detail":"Too many wrong credentials from this address. Try again in %d s."}""".formatted(retryAfterSeconds));
    }
}
