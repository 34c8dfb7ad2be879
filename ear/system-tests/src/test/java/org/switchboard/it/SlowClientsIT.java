package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Forty slow clients must not starve the server (jms-config/server.cli, "Slow clients"): twenty
 * send the headers of a POST and then trickle its body a byte every two seconds, twenty trickle
 * their headers. The home page keeps answering within a second, and the header tricklers are cut
 * off by the request-parse timeout.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class SlowClientsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @Test
    void theHomePageAnswersWithinASecondWhileFortyClientsTrickle() throws Exception {
        var bodies = new ArrayList<Socket>();
        var headers = new ArrayList<Socket>();
        var trickle = Executors.newSingleThreadScheduledExecutor();
        // The client's first request (connection, HTTP/2 upgrade attempt) is not what is measured.
        await().atMost(Duration.ofSeconds(30)).until(this::homePageWithinASecond);
        try {
            for (var i = 0; i < 20; i++) {
                var socket = RawHttp.open(base, "127.0.0.1");
                write(
                        socket,
                        "POST /api/customers HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 4096\r\n\r\n{");
                bodies.add(socket);
                var slow = RawHttp.open(base, "127.0.0.1");
                write(slow, "GET / HTTP/1.1\r\n");
                headers.add(slow);
            }
            trickle.scheduleAtFixedRate(
                    () -> {
                        bodies.forEach(s -> quietly(s, " "));
                        headers.forEach(s -> quietly(s, "X-Slow: 1\r\n"));
                    },
                    2,
                    2,
                    TimeUnit.SECONDS);

            await().during(Duration.ofSeconds(15))
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(500))
                    .until(this::homePageWithinASecond);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(headers).allMatch(RawHttp::closedByServer));
            // The body tricklers hold a connection each, no worker: still nothing waits on them.
            assertThat(homePageWithinASecond()).isTrue();
        } finally {
            trickle.shutdownNow();
            for (var socket : List.copyOf(bodies)) {
                socket.close();
            }
            for (var socket : headers) {
                socket.close();
            }
        }
    }

    private boolean homePageWithinASecond() {
        var request = HttpRequest.newBuilder(URI.create(base + ""))
                .timeout(Duration.ofSeconds(1))
                .GET()
                .build();
        var start = System.nanoTime();
        try {
            var status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 && Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(1)) < 0;
        } catch (IOException timedOut) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void write(Socket socket, String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void quietly(Socket socket, String text) {
        try {
            write(socket, text);
        } catch (UncheckedIOException closedAlready) {
            // the server cut it off: what the test waits for
        }
    }
}
