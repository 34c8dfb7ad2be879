package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.devserver.DemoUsers;

/**
 * Hostile logins (org.switchboard.web.login): a malformed Basic header is a 401 problem, never a
 * 500 with a stack trace; wrong passwords slow down the address they come from, never lock the
 * user out; every failed login is logged and counted.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class LoginAbuseIT {

    private static final String OPERATIONS = "/api/ops/queues";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void malformedBasicCredentialsAreA401ProblemNeverA500() throws Exception {
        var hostile = new String[] {
            "Basic !!!",
            "Basic dXNlcg===",
            "Basic dmlld2VyOnZpZXdlci1kZW1v=",
            "Basic " + Base64.getEncoder().encodeToString("user".getBytes(StandardCharsets.UTF_8)),
            "Basic " + "QUFB".repeat(2_000),
            "Basic ",
            "Basic Zm9v YmFy"
        };
        var tried = 0;
        var wronglyAccepted = 0;
        var serverErrors = 0;
        for (var header : hostile) {
            for (var path : new String[] {OPERATIONS, "/api/customers", "/ops/queues.xhtml"}) {
                var reply = http.send(
                        HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                                .header("Authorization", header)
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                tried++;
                wronglyAccepted += reply.statusCode() < 400 ? 1 : 0;
                serverErrors += reply.statusCode() >= 500 ? 1 : 0;
                assertThat(reply.statusCode()).as(header + " on " + path).isEqualTo(401);
                assertThat(reply.headers().firstValue("Content-Type"))
                        .as(path)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(reply.body()).contains("\"status\":401").doesNotContain("Exception");
            }
        }
        assertThat(tried).isEqualTo(21);
        assertThat(wronglyAccepted).isZero();
        assertThat(serverErrors).isZero();
        assertThat(serverLog()).doesNotContain("DecodeException").doesNotContain("UT005023");
    }

    @Test
    void wrongPasswordsFromOneAddressDoNotLockTheOwnerOutOfAnother() throws Exception {
        var failuresBefore = failedLogins("WRONG_CREDENTIALS");
        var statuses = new ArrayList<Integer>();
        for (var i = 1; i <= 12; i++) {
            statuses.add(RawHttp.get(base, "127.0.0.2", OPERATIONS, RawHttp.basic("viewer", "guess-" + i))
                    .status());
        }
        // Ten wrong passwords are tried; after them the address waits, its guesses unread.
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
        var throttled = RawHttp.get(base, "127.0.0.2", OPERATIONS, RawHttp.basic("viewer", password("viewer")));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.headers()).containsKey("retry-after");

        // The owner, elsewhere, is not locked out (Elytron's per-user lockout is off).
        var owner = RawHttp.get(base, "127.0.0.1", OPERATIONS, RawHttp.basic("viewer", password("viewer")));
        assertThat(owner.status()).isEqualTo(200);

        assertThat(failedLogins("WRONG_CREDENTIALS") - failuresBefore).isEqualTo(10);
        assertThat(failedLogins("THROTTLED")).isGreaterThanOrEqualTo(3);
        assertThat(prometheus().lines())
                .as("the counter says what it counts")
                .anyMatch(line -> line.startsWith("# HELP switchboard_login_failures_total Failed logins by reason"));
        assertThat(serverLog())
                .contains("Failed login as viewer from 127.0.0.2")
                .doesNotContain("guess-1");
    }

    private static String password(String user) {
        return DemoUsers.USERS.get(user).password();
    }

    /** switchboard_login_failures_total for one reason, from the management interface's Prometheus text. */
    private double failedLogins(String reason) throws IOException, InterruptedException {
        return prometheus()
                .lines()
                .filter(line -> line.startsWith("switchboard_login_failures_total")
                        && line.contains("reason=\"" + reason + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private String prometheus() throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://" + base.getHost() + ":" + managementPort() + "/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** 9990, moved by the same port offset as the web port (8080) if the server runs with one. */
    private int managementPort() {
        return 9990 + base.getPort() - 8080;
    }

    private static String serverLog() throws IOException {
        return Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"));
    }
}
