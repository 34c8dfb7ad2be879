package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.devserver.DemoUsers;

/**
 * Requests a hostile or careless client sends to every endpoint that reads a body, as a table of
 * input and the status it must get: 400 for what is not exactly one JSON object, 413 for what is too
 * large (also above Undertow's own limit, also chunked), 415 for the wrong media type or charset,
 * 422 for well-formed JSON that does not fit (wrong JSON types, unknown fields, names that break the
 * rule). Every refusal is a problem+json without a stack trace; nothing is accepted wrongly; no 500.
 */
class HostileInputIT extends InContainerTest {

    private static final String JSON = "application/json";
    /** Above the webapp's limit for a body (1 MiB, BodySizeGate), where Undertow's own limit (then 1 MiB) tripped first. */
    private static final int ABOVE_UNDERTOW = 2 * 1024 * 1024;

    /*
     * HTTP/1.1, as most hostile tools speak it. (Over h2c, the JDK client's default, an upload the
     * server refuses unread used up the connection's flow-control window and starved every later
     * request on it: a finding for the server's HTTP/2 settings, not for input validation.)
     */
    private final HttpClient http = newClient();

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** How the body travels: with Content-Length, chunked, or with Content-Length after Expect: 100-continue (as curl sends large bodies). */
    enum Framing {
        LENGTH,
        CHUNKED,
        EXPECT_CONTINUE
    }

    /** One hostile request: where, as whom, with which content type and body, and the status it must get. */
    record Row(String what, String path, String user, String contentType, byte[] body, Framing framing, int expected) {}

    record Outcome(Row row, int status, String contentType, String body) {

        boolean wronglyAccepted() {
            return status >= 200 && status < 300 && row.expected >= 400;
        }

        boolean stackTrace() {
            // An outcome without a status carries our own note of the failure, not the server's body.
            return status > 0 && (body.contains("Exception") || body.contains("\tat ") || body.contains("at org."));
        }

        boolean asExpected() {
            return status == row.expected
                    && (status < 400 || contentType.startsWith("application/problem+json"))
                    && !stackTrace();
        }
    }

    @Test
    void everyHostileRequestGetsItsStatusAsAProblemAndNoneIsAcceptedOrFails() {
        var rows = new ArrayList<Row>();
        registrations(rows);
        deadLetterRequests(rows);
        assertAsExpected(rows);
    }

    /**
     * Bodies above the webapp's own limit (1 MiB, org.switchboard.web.http.BodySizeGate) and above
     * what Undertow refused by itself before (its max-post-size was 1 MiB, and a declared length
     * over it got a bare 400, a chunked body a closed connection): a 413 problem, however the body
     * travels. The listener's max-post-size (16 MiB, jms-config/server.cli) is now only a hard cap.
     */
    @Test
    void aboveUndertowsOwnLimitTheAnswerIsStillA413Problem() {
        var rows = new ArrayList<Row>();
        var path = "api/customers";
        var huge = utf8("{\"email\":\"" + "x".repeat(ABOVE_UNDERTOW) + "\"}");
        rows.add(new Row("2 MiB with Content-Length", path, null, JSON, huge, Framing.LENGTH, 413));
        rows.add(new Row("2 MiB after Expect: 100-continue", path, null, JSON, huge, Framing.EXPECT_CONTINUE, 413));
        rows.add(new Row(
                "ops: 2 MiB",
                "api/ops/requests",
                "operator",
                JSON,
                utf8("{\"reason\":\"" + "x".repeat(ABOVE_UNDERTOW) + "\"}"),
                Framing.LENGTH,
                413));
        pages(rows);
        assertAsExpected(rows);
    }

    private void assertAsExpected(List<Row> rows) {
        var outcomes = rows.stream().map(this::send).toList();

        var wrong = outcomes.stream().filter(o -> !o.asExpected()).toList();
        var accepted = outcomes.stream().filter(Outcome::wronglyAccepted).count();
        var failed = outcomes.stream().filter(o -> o.status >= 500).count();
        var traces = outcomes.stream().filter(Outcome::stackTrace).count();
        System.out.printf(
                "HostileInputIT: %d requests tried, %d accepted wrongly, %d answered 5xx, %d with a stack trace,"
                        + " %d not as expected%n",
                outcomes.size(), accepted, failed, traces, wrong.size());
        wrong.forEach(o -> System.out.printf(
                "  %-60s expected %d, got %d %s: %s%n",
                o.row.what, o.row.expected, o.status, o.contentType, abbreviated(o.body)));
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(Math.min(rows.size(), 40));
        assertThat(accepted).as("accepted wrongly").isZero();
        assertThat(failed).as("5xx").isZero();
        assertThat(traces).as("stack traces").isZero();
        assertThat(wrong).extracting(o -> o.row.what + " -> " + o.status).isEmpty();
    }

    @Test
    void namesAreStoredInNfcWithoutInvisiblePaddingAndEveryScriptIsWelcome() {
        var combining =
                register("{\"email\":\"" + Api.uniqueEmail("nfc") + "\",\"givenName\":\"\u00A0Jose\u0301\u200B\","
                        + "\"familyName\":\"Ma\u0308rz\",\"marketingConsent\":true}");
        assertThat(combining.getString("givenName")).isEqualTo("José");
        assertThat(combining.getString("familyName")).isEqualTo("März");
        assertThat(combining.getBoolean("marketingConsent")).isTrue();

        for (var name : List.of("山田", "عائشة", "Ngũgĩ", "O'Brien-Smith", "Ada 🚀")) {
            var created = register("{\"email\":\"" + Api.uniqueEmail("script") + "\",\"givenName\":\"" + name + "\"}");
            assertThat(created.getString("givenName")).isEqualTo(name);
            assertThat(created.getBoolean("marketingConsent")).isFalse();
        }
    }

    private JsonObject register(String json) {
        var outcome = send(new Row("valid", "api/customers", null, JSON, utf8(json), Framing.LENGTH, 201));
        assertThat(outcome.status()).as(outcome.body()).isEqualTo(201);
        return Json.createReader(new StringReader(outcome.body())).readObject();
    }

    private static void registrations(List<Row> rows) {
        var path = "api/customers";
        Adder bad =
                (what, json, status) -> rows.add(new Row(what, path, null, JSON, utf8(json), Framing.LENGTH, status));
        // 400: not exactly one JSON object
        bad.add("not JSON", "email=a@example.org&givenName=Ada", 400);
        bad.add("cut off", "{\"email\": ", 400);
        bad.add("empty body", "", 400);
        bad.add("top-level array", "[" + customer("array") + "]", 400);
        bad.add("top-level string", "\"a@example.org\"", 400);
        bad.add("top-level null", "null", 400);
        bad.add("trailing content", customer("trailing") + " x", 400);
        bad.add("concatenated documents", customer("first") + customer("second"), 400);
        bad.add("two documents, one per line", customer("first") + "\n" + customer("second"), 400);
        bad.add(
                "duplicate key",
                "{\"email\":\"a@example.org\",\"email\":\"b@example.org\",\"givenName\":\"Ada\"}",
                400);
        bad.add(
                "duplicate key written as an escape",
                "{\"email\":\"a@example.org\",\"givenName\":\"A\",\"\\u0067ivenName\":\"B\"}",
                400);
        bad.add(
                "duplicate consent, true then false",
                customer("dup").replace("}", ",\"marketingConsent\":true,\"marketingConsent\":false}"),
                400);
        bad.add("lone surrogate escape in a name", "{\"email\":\"a@example.org\",\"givenName\":\"Ada\\ud800\"}", 400);
        bad.add("nested 5000 deep", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", 400);
        bad.add("byte order mark", "\uFEFF" + customer("bom"), 400);
        bad.add("single quotes", "{'email':'a@example.org','givenName':'Ada'}", 400);
        rows.add(new Row(
                "Latin-1 bytes sent as JSON",
                path,
                null,
                JSON,
                ("{\"email\":\"" + Api.uniqueEmail("latin") + "\",\"givenName\":\"Jos\u00e9\"}")
                        .getBytes(StandardCharsets.ISO_8859_1),
                Framing.LENGTH,
                400));
        // 422: well-formed, but not this request
        bad.add("consent \"yes\"", withConsent("\"yes\""), 422);
        bad.add("consent \"true\"", withConsent("\"true\""), 422);
        bad.add("consent 1", withConsent("1"), 422);
        bad.add("consent 0", withConsent("0"), 422);
        bad.add("consent an object", withConsent("{}"), 422);
        bad.add("e-mail a number", "{\"email\":42,\"givenName\":\"Ada\"}", 422);
        bad.add("given name a boolean", "{\"email\":\"" + Api.uniqueEmail("bool") + "\",\"givenName\":true}", 422);
        bad.add("given name an array", "{\"email\":\"" + Api.uniqueEmail("arr") + "\",\"givenName\":[\"Ada\"]}", 422);
        bad.add(
                "family name a number",
                "{\"email\":\"" + Api.uniqueEmail("num") + "\",\"givenName\":\"Ada\",\"familyName\":7}",
                422);
        bad.add("e-mail null", "{\"email\":null,\"givenName\":\"Ada\"}", 422);
        bad.add("given name null", "{\"email\":\"" + Api.uniqueEmail("null") + "\",\"givenName\":null}", 422);
        bad.add("unknown field", customer("unknown").replace("}", ",\"admin\":true}"), 422);
        bad.add("misspelt consent", customer("typo").replace("}", ",\"marketingConsnet\":true}"), 422);
        bad.add(
                "fullName and givenName together",
                customer("both").replace("}", ",\"fullName\":\"Ada Lovelace\"}"),
                422);
        bad.add("empty object", "{}", 422);
        // 422: names that break the rule
        bad.add("name: zero-width space only", withName("\\u200b"), 422);
        bad.add("name: ideographic space only", withName("\\u3000"), 422);
        bad.add("name: no-break space only", withName("\\u00a0"), 422);
        bad.add("name: byte order mark only", withName("\\ufeff"), 422);
        bad.add("name: zero-width joiners only", withName("\\u200d\\u200c"), 422);
        bad.add("name: right-to-left override", withName("\\u202eecilA"), 422);
        bad.add("name: left-to-right embedding", withName("A\\u202ada"), 422);
        bad.add("name: first strong isolate", withName("\\u2068Ada\\u2069"), 422);
        bad.add("name: NUL", withName("Ada\\u0000"), 422);
        bad.add("name: escape sequence", withName("\\u001b[31mAda"), 422);
        bad.add("name: C1 control", withName("Ada\\u0085"), 422);
        bad.add("name: line break inside", withName("Ada\\nLovelace"), 422);
        bad.add("name: line separator inside", withName("Ada\\u2028Lovelace"), 422);
        bad.add("name: emoji only", withName("\uD83D\uDE80"), 422);
        bad.add("name: digits only", withName("1234"), 422);
        bad.add("name: combining mark only", withName("\\u0301"), 422);
        bad.add(
                "family name: invisible only",
                "{\"email\":\"" + Api.uniqueEmail("fam")
                        + "\",\"givenName\":\"Ada\",\"familyName\":\"\\u200b\\u00a0\"}",
                422);
        bad.add(
                "fullName: right-to-left override",
                "{\"email\":\"" + Api.uniqueEmail("full") + "\",\"fullName\":\"\\u202eAda\"}",
                422);
        // 415: not JSON in UTF-8
        for (var type : List.of(
                "application/json; charset=klingon",
                "application/json; charset=iso-8859-1",
                "application/json; charset=utf-16",
                "text/plain",
                "application/x-www-form-urlencoded",
                "application/xml")) {
            rows.add(new Row("Content-Type " + type, path, null, type, utf8(customer("type")), Framing.LENGTH, 415));
        }
        rows.add(new Row("no Content-Type", path, null, null, utf8(customer("none")), Framing.LENGTH, 415));
        // 413: too large, however it is framed
        var large = utf8("{\"email\":\"" + "x".repeat(20_000) + "\"}");
        rows.add(new Row("20 KB with Content-Length", path, null, JSON, large, Framing.LENGTH, 413));
        rows.add(new Row("20 KB chunked", path, null, JSON, large, Framing.CHUNKED, 413));
        var huge = utf8("{\"email\":\"" + "x".repeat(ABOVE_UNDERTOW) + "\"}");
        rows.add(new Row("2 MiB chunked", path, null, JSON, huge, Framing.CHUNKED, 413));
    }

    private static void deadLetterRequests(List<Row> rows) {
        var path = "api/ops/requests";
        var valid =
                "{\"action\":\"REPLAY\",\"queue\":\"DLQ.marketing.commands\",\"messageIds\":[\"ID:1\"],\"reason\":\"x\"}";
        Adder operator = (what, json, status) ->
                rows.add(new Row("ops: " + what, path, "operator", JSON, utf8(json), Framing.LENGTH, status));
        operator.add("top-level array", "[" + valid + "]", 400);
        operator.add("duplicate action", valid.replace("{", "{\"action\":\"DELETE\","), 400);
        operator.add("trailing content", valid + "]", 400);
        operator.add("message ids a string", valid.replace("[\"ID:1\"]", "\"ID:1\""), 422);
        operator.add("message id a number", valid.replace("[\"ID:1\"]", "[1]"), 422);
        operator.add("action a number", valid.replace("\"REPLAY\"", "1"), 422);
        operator.add("queue missing", valid.replace("\"queue\":\"DLQ.marketing.commands\",", ""), 422);
        operator.add("queue null", valid.replace("\"DLQ.marketing.commands\"", "null"), 422);
        operator.add("unknown field", valid.replace("}", ",\"approvedBy\":\"me\"}"), 422);
        rows.add(new Row(
                "ops: charset=klingon",
                path,
                "operator",
                JSON + "; charset=klingon",
                utf8(valid),
                Framing.LENGTH,
                415));
        var decision = "api/ops/requests/" + UUID.randomUUID();
        rows.add(new Row(
                "ops: approve, reason a number",
                decision + "/approve",
                "approver",
                JSON,
                utf8("{\"reason\":5}"),
                Framing.LENGTH,
                422));
        rows.add(new Row(
                "ops: approve, reason twice",
                decision + "/approve",
                "approver",
                JSON,
                utf8("{\"reason\":\"a\",\"reason\":\"b\"}"),
                Framing.LENGTH,
                400));
        rows.add(new Row(
                "ops: reject, two documents",
                decision + "/reject",
                "approver",
                JSON,
                utf8("{\"reason\":\"a\"}{}"),
                Framing.LENGTH,
                400));
        rows.add(new Row(
                "ops: reject, text/plain",
                decision + "/reject",
                "approver",
                "text/plain",
                utf8("{\"reason\":\"a\"}"),
                Framing.LENGTH,
                415));
    }

    private static void pages(List<Row> rows) {
        var form = "application/x-www-form-urlencoded";
        var huge = utf8("registration=registration&registration%3AgivenName="
                + URLEncoder.encode("A".repeat(ABOVE_UNDERTOW), StandardCharsets.UTF_8));
        rows.add(new Row("page: 2 MiB form post", "register.xhtml", null, form, huge, Framing.LENGTH, 413));
        rows.add(new Row("page: 2 MiB chunked form post", "register.xhtml", null, form, huge, Framing.CHUNKED, 413));
        rows.add(new Row(
                "page: 2 MiB form post after Expect: 100-continue",
                "register.xhtml",
                null,
                form,
                huge,
                Framing.EXPECT_CONTINUE,
                413));
    }

    private Outcome send(Row row) {
        if (row.framing() == Framing.EXPECT_CONTINUE) {
            return sendExpectingContinue(row);
        }
        var request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(row.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .POST(
                        row.framing() == Framing.CHUNKED
                                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(row.body()))
                                : HttpRequest.BodyPublishers.ofByteArray(row.body()));
        if (row.contentType() != null) {
            request.header("Content-Type", row.contentType());
        }
        if (row.user() != null) {
            var login = row.user() + ":" + DemoUsers.USERS.get(row.user()).password();
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(utf8(login)));
        }
        try {
            // Undertow closes the connection after refusing a body it will not drain: a large body gets a
            // connection of its own, so that the next row does not find its pooled one closed.
            var client = row.body().length > 16 * 1024 ? newClient() : http;
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(
                    row,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            // The server closed the connection without an answer: not a status a client can act on.
            return new Outcome(row, -1, "", "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /**
     * Over a socket of its own: the JDK 17 client waits forever for the body of a request it sent
     * with {@code Expect: 100-continue} when the server answers at once with a final status
     * (JDK-8286171, fixed in JDK 20), which is what a server refusing a body unread must do.
     */
    private Outcome sendExpectingContinue(Row row) {
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("Accept", "application/json");
        if (row.contentType() != null) {
            fields.put("Content-Type", row.contentType());
        }
        if (row.user() != null) {
            var login = row.user() + ":" + DemoUsers.USERS.get(row.user()).password();
            fields.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(utf8(login)));
        }
        try {
            var answer = RawHttp.postExpectingContinue(base, "/" + row.path(), fields, row.body());
            return new Outcome(row, answer.status(), answer.headers().getOrDefault("content-type", ""), answer.body());
        } catch (UncheckedIOException e) {
            return new Outcome(row, -1, "", "no answer: " + e.getCause());
        }
    }

    @FunctionalInterface
    private interface Adder {
        void add(String what, String json, int status);
    }

    private static String customer(String who) {
        return "{\"email\":\"" + Api.uniqueEmail(who) + "\",\"givenName\":\"Ada\"}";
    }

    private static String withConsent(String consent) {
        return customer("consent").replace("}", ",\"marketingConsent\":" + consent + "}");
    }

    /** A registration whose given name is this JSON string content (escapes allowed). */
    private static String withName(String name) {
        return "{\"email\":\"" + Api.uniqueEmail("name") + "\",\"givenName\":\"" + name + "\"}";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviated(String body) {
        var oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
