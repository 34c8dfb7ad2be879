package org.switchboard.provider;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** An HTTP answer of the provider: status, JSON body, and whether it replays an earlier request. */
record Answer(int status, JsonObject body, boolean replayed) {

    static Answer problem(int status, String title, String detail) {
        return new Answer(
                status,
                Json.createObjectBuilder()
                        .add("type", "about:blank")
                        .add("title", title)
                        .add("status", status)
                        .add("detail", detail)
                        .build(),
                false);
    }

    /** Writes the answer: a problem is application/problem+json, a replay says so in a header. */
    static void send(HttpExchange exchange, Answer answer) throws IOException {
        var bytes = answer.body().toString().getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set(
                "Content-Type",
                answer.status() >= 400 && answer.body().containsKey("title")
                        ? "application/problem+json"
                        : "application/json");
        if (answer.replayed()) {
            headers.set("Idempotent-Replayed", "true");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
