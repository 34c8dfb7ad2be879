package org.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Calls the REST API over real HTTP, the way a client would. */
final class Api {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String authorization;

    Api(URL base) {
        this(URI.create(base.toString().endsWith("/") ? base.toString() : base + "/"), null);
    }

    private Api(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same API, logged in (HTTP Basic) as a demo user (see DemoUsers). */
    Api as(String user) {
        return as(user, org.switchboard.devserver.DemoUsers.USERS.get(user).password());
    }

    Api as(String user, String password) {
        var token = java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Api(base, "Basic " + token);
    }

    record Reply(
            int status,
            String contentType,
            String location,
            String correlationHeader,
            String body,
            java.net.http.HttpHeaders headers) {

        /** A response header's first value, or null. */
        /** All values of the header, joined as one field value (RFC 9110: the same meaning), or null. */
        String header(String name) {
            var values = headers.allValues(name);
            return values.isEmpty() ? null : String.join(", ", values);
        }

        JsonObject json() {
            return (JsonObject) parse();
        }

        JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            return Json.createReader(new StringReader(body)).read();
        }
    }

    /** A registration as the current API takes it: given and family name, and the consent answer. */
    Reply register(String email, String givenName, String familyName, boolean consent, UUID correlationId) {
        var body = Json.createObjectBuilder().add("email", email).add("givenName", givenName);
        if (familyName != null) {
            body.add("familyName", familyName);
        }
        return post(
                "api/customers", body.add("marketingConsent", consent).build().toString(), correlationId);
    }

    /** A registration as the first API version sent it: the whole name in fullName (still accepted). */
    Reply register(String email, String fullName, UUID correlationId) {
        var body = Json.createObjectBuilder()
                .add("email", email)
                .add("fullName", fullName)
                .build()
                .toString();
        return post("api/customers", body, correlationId);
    }

    Reply post(String path, String body, UUID correlationId) {
        return post(path, body, correlationId, null);
    }

    /** A POST with an Idempotency-Key header (none if null). */
    Reply post(String path, String body, UUID correlationId, String idempotencyKey) {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (correlationId != null) {
            request.header("X-Correlation-ID", correlationId.toString());
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    /** A body without Content-Length (chunked), as streaming clients send it. */
    Reply postChunked(String path, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build());
    }

    /** A binary body of the given media type, with its Content-Length. */
    Reply postBytes(String path, byte[] body, String mediaType) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", mediaType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** A JSON body with the given headers ({@code name, value, name, value, ...}), as a webhook sender posts it. */
    Reply postWithHeaders(String path, byte[] body, String... headers) {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (var i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** Any method, no body: how a page or resource answers PUT, DELETE, OPTIONS and the like. */
    Reply request(String method, String pathOrUri) {
        return send(HttpRequest.newBuilder(base.resolve(pathOrUri))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** A form post, as a browser sends it (application/x-www-form-urlencoded). */
    Reply postForm(String path, String form) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    Reply get(String pathOrUri) {
        return send(HttpRequest.newBuilder(base.resolve(pathOrUri))
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    private Reply send(HttpRequest request) {
        if (authorization != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", authorization)
                    .build();
        }
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var headers = response.headers();
            return new Reply(
                    response.statusCode(),
                    headers.firstValue("Content-Type").orElse(""),
                    headers.firstValue("Location").orElse(null),
                    headers.firstValue("X-Correlation-ID").orElse(null),
                    response.body(),
                    headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
