package org.switchboard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/** The server's {@code /prometheus} text, read on its management port (9990 shifted like the HTTP port). */
final class Prometheus {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Prometheus() {}

    /** The sum of the samples named {@code name} (with or without labels) that carry every label given. */
    static double sum(URL base, String name, String... labels) {
        return text(base)
                .lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    static String text(URL base) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://" + base.getHost() + ":"
                                            + (9990 + base.getPort() - 8080) + "/prometheus"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
