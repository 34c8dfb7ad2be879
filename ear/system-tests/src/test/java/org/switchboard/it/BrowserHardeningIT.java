package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * What a browser is told, on every page and API answer: the Content-Security-Policy (no inline
 * script, no framing), nosniff and the Referrer-Policy; that an anonymous visitor gets no session,
 * the session cookie (only the page that keeps its state has one) is HttpOnly and SameSite and
 * never goes into a URL; that pages refuse PUT and
 * DELETE; and that a forged or unknown view state gets the expired page, never a 500.
 */
class BrowserHardeningIT extends InContainerTest {

    /** A URL and who asks for it (null: nobody logged in). */
    private record Visit(String path, String user) {

        Api.Reply get(Api api) {
            return (user == null ? api : api.as(user)).request("GET", path);
        }
    }

    private static final List<Visit> PAGES = List.of(
            new Visit("", null),
            new Visit("index.xhtml", null),
            new Visit("register.xhtml", null),
            new Visit("customers.xhtml", "staff"),
            new Visit("marketing/contacts.xhtml", "marketing"),
            new Visit("ops/queues.xhtml", "viewer"),
            new Visit("ops/dead-letters.xhtml", "viewer"),
            new Visit("ops/journey.xhtml", "viewer"),
            new Visit("openapi-ui/", null),
            new Visit("expired", null));

    /** Answers that are not pages: the API, refusals, error pages, static files. */
    private static final List<Visit> OTHERS = List.of(
            new Visit("api/customers", "staff"),
            new Visit("api/customers", null),
            new Visit("api/customers", "customer"),
            new Visit("api/customers?offset=abc", "staff"),
            new Visit("api/schemas", null),
            new Visit("customers.xhtml", null),
            new Visit("no-such-page.xhtml", null),
            new Visit("jakarta.faces.resource/js/queue-charts.js.xhtml", null),
            new Visit("webjars/chart.js/4.5.1/dist/chart.umd.min.js", null));

    @Test
    void everyAnswerCarriesTheHardeningHeaders() {
        var visits = new java.util.ArrayList<>(PAGES);
        visits.addAll(OTHERS);
        for (var visit : visits) {
            var reply = visit.get(api);
            var csp = reply.header("Content-Security-Policy");
            assertThat(csp).as(visit.toString()).isNotNull().contains("frame-ancestors 'none'");
            assertThat(csp).as(visit.toString()).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(reply.header("X-Content-Type-Options"))
                    .as(visit.toString())
                    .isEqualTo("nosniff");
            assertThat(reply.header("Referrer-Policy")).as(visit.toString()).isEqualTo("same-origin");
            assertThat(reply.status()).as(visit.toString()).isLessThan(500);
        }
    }

    @Test
    void pagesHaveNoInlineScriptAndNoSessionIdInALink() {
        for (var page : PAGES) {
            var reply = page.get(api);
            assertThat(reply.status()).as(page.toString()).isEqualTo(200);
            assertThat(reply.header("Content-Security-Policy")).contains("script-src 'self'");
            var html = Jsoup.parse(reply.body());
            assertThat(html.select("script:not([src])"))
                    .as("inline script on %s", page)
                    .isEmpty();
            html.getAllElements()
                    .forEach(element -> element.attributes().forEach(attribute -> {
                        assertThat(attribute.getKey().toLowerCase(Locale.ROOT))
                                .as("event handler attribute on %s", page)
                                .doesNotStartWith("on");
                        assertThat(attribute.getValue().toLowerCase(Locale.ROOT))
                                .as("%s of <%s> on %s", attribute.getKey(), element.tagName(), page)
                                .doesNotContain("jsessionid")
                                .doesNotStartWith("javascript:");
                    }));
        }
    }

    /** The one page that keeps its view state on the server, and so has a session. */
    private static final Visit STATEFUL = new Visit("ops/dead-letters.xhtml", "viewer");

    @Test
    void pagesStartNoSessionUnlessTheyKeepTheirState() {
        for (var page : PAGES.stream().filter(p -> !p.equals(STATEFUL)).toList()) {
            var reply = page.get(api);
            assertThat(reply.headers().allValues("Set-Cookie"))
                    .as(page.toString())
                    .isEmpty();
        }
        var form = api.request("GET", "register.xhtml");
        assertThat(Jsoup.parse(form.body())
                        .select("input[name=jakarta.faces.ViewState]")
                        .val())
                .as("the registration form keeps no state on the server")
                .isEqualTo("stateless");

        var registered = api.postForm("register.xhtml", registration(Api.uniqueEmail("nosession")));

        assertThat(registered.status()).as("post, redirect, get").isEqualTo(302);
        assertThat(registered.headers().allValues("Set-Cookie")).isEmpty();
        var confirmation = api.request("GET", registered.location());
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(confirmation.body()).contains("You are registered as");
        assertThat(confirmation.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteAndNeverInAUrl() {
        var reply = STATEFUL.get(api);

        var cookie = reply.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        var attributes = cookie.toLowerCase(Locale.ROOT);
        assertThat(attributes).contains("httponly").contains("samesite=strict");
        assertThat(attributes)
                .as("not Secure over plain HTTP")
                .doesNotContain("secure;")
                .doesNotEndWith("secure");
        // The first answer of a new session is where a container would rewrite URLs if it could.
        assertThat(reply.body()).doesNotContainIgnoringCase("jsessionid");
    }

    @Test
    void pagesRefusePutDeleteAndPatch() {
        var table = new RequestTable("Page methods");
        for (var page : PAGES.stream().filter(p -> p.path().endsWith(".xhtml")).toList()) {
            for (var method : List.of("PUT", "DELETE", "PATCH")) {
                var reply = (page.user() == null ? api : api.as(page.user())).request(method, page.path());
                table.expect(method + " /" + page.path(), reply.status(), 405);
                if (reply.status() == 405) {
                    assertThat(reply.header("Allow")).as(page.path()).isEqualTo("GET, HEAD, POST");
                }
            }
        }
        table.verify();
    }

    /**
     * Garbage, unknown or huge view states get the expired page (or 400) everywhere. "stateless" is
     * what a stateless page's own forms post, so there it is answered; on the page that keeps its
     * state on the server it is forged and gets the expired page, logged in one line.
     */
    @Test
    void aForgedOrUnknownViewStateGetsTheExpiredPageNeverAnError() throws IOException {
        var log = ServerLog.open();
        var table = new RequestTable("Forged view states");
        var pages = List.of(
                new Visit("index.xhtml", null),
                new Visit("register.xhtml", null),
                new Visit("customers.xhtml", "staff"),
                new Visit("marketing/contacts.xhtml", "marketing"),
                new Visit("ops/queues.xhtml", "viewer"),
                STATEFUL);
        for (var page : pages) {
            var caller = page.user() == null ? api : api.as(page.user());
            for (var viewState : List.of("x", "-1:-1", "1:2:3", ":", "\u0000", "%", "A".repeat(5000))) {
                var reply = caller.postForm(page.path(), "jakarta.faces.ViewState=" + encode(viewState));
                table.expect("POST /" + page.path() + " ViewState=" + abbreviate(viewState), reply.status(), 302, 400);
                expired(reply);
            }
            var stateless = caller.postForm(page.path(), "jakarta.faces.ViewState=stateless");
            var inQuery = caller.request("GET", page.path() + "?jakarta.faces.ViewState=stateless");
            if (page.equals(STATEFUL)) {
                table.expect("POST /" + page.path() + " ViewState=stateless", stateless.status(), 302, 400);
                table.expect("GET /" + page.path() + "?ViewState=stateless", inQuery.status(), 302, 400);
            } else {
                table.expect("POST /" + page.path() + " ViewState=stateless", stateless.status(), 200);
                table.expect("GET /" + page.path() + "?ViewState=stateless", inQuery.status(), 200);
            }
            expired(stateless);
            expired(inQuery);
        }
        table.verify();

        var logged = log.since();
        assertThat(logged).contains("forged stateless view state");
        assertThat(logged).as("no stack trace for a forged view state").doesNotContain("\tat com.sun.faces");
    }

    private static void expired(Api.Reply reply) {
        if (reply.status() == 302) {
            assertThat(reply.location()).endsWith("/expired");
        }
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("Something went wrong");
    }

    private static String registration(String email) {
        return "registration=registration&registration%3Aemail=" + encode(email)
                + "&registration%3AgivenName=No&registration%3AfamilyName=Session&registration%3Aregister=Register"
                + "&jakarta.faces.ViewState=stateless";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }

    /** The server's log from a point on: the tests run inside the server and can read it. */
    private record ServerLog(Path file, long from) {

        static ServerLog open() throws IOException {
            var file = Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
            return new ServerLog(file, Files.size(file));
        }

        String since() throws IOException {
            var bytes = Files.readAllBytes(file);
            var start = bytes.length >= from ? (int) from : 0;
            return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        }
    }
}
