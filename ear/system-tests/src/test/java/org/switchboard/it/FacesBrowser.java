package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/**
 * Drives Faces pages over HTTP as a browser does: cookies kept, redirects followed, a form posted
 * back with the view state of the page it came from. Every answer must be 200 (after redirects).
 */
final class FacesBrowser {

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final URI base;

    /** Where the last page came from, after redirects. */
    URI lastPage;

    FacesBrowser(URI base) {
        this.base = base;
    }

    String get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A page behind a login, as a demo user (HTTP Basic). */
    String get(String path, String user) {
        var credentials =
                user + ":" + org.switchboard.devserver.DemoUsers.USERS.get(user).password();
        return send(HttpRequest.newBuilder(uri(path))
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build());
    }

    /** The last page again, as a reload does. */
    String reload() {
        return send(HttpRequest.newBuilder(lastPage).GET().build());
    }

    /**
     * Fetches {@code page}, then posts its form {@code formId} back with these fields (ids as the
     * form names them, e.g. {@code registration:email}), its view state and the form's own marker.
     */
    String submit(String page, String formId, Map<String, String> fields) {
        var viewState = Jsoup.parse(get(page))
                .select("form#" + formId + " input[name=jakarta.faces.ViewState]")
                .val();
        assertThat(viewState).as("view state in the form").isNotEmpty();
        var posted = new LinkedHashMap<String, String>();
        posted.put(formId, formId);
        posted.putAll(fields);
        posted.put("jakarta.faces.ViewState", viewState);
        return send(HttpRequest.newBuilder(uri(page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(posted)))
                .build());
    }

    String send(HttpRequest request) {
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(request.uri().toString()).isEqualTo(200);
            lastPage = response.uri();
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
