package org.switchboard.resilience;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.switchboard.devserver.DemoUsers;

/**
 * WildFly's HTTP management API (:9990/management plus the {@link Ports} offset, JSON DMR) as the demo admin: broker queues and
 * the transaction log, read from outside the application so that it works whatever the EAR does.
 * The API asks for HTTP Digest, which java.net.http does not speak: the few lines below do (MD5,
 * qop=auth, one fresh challenge per request).
 */
final class Management {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"?([^\",]*)\"?");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final URI endpoint;

    Management(Ports ports) {
        this.endpoint = ports.management();
    }

    /** Runs one operation; the {@code result} of a success, else an exception with the failure. */
    JsonValue execute(String operation, List<String[]> address, Map<String, Object> params)
            throws IOException, InterruptedException {
        var op = Json.createObjectBuilder().add("operation", operation);
        var addr = Json.createArrayBuilder();
        address.forEach(pair -> addr.add(Json.createObjectBuilder().add(pair[0], pair[1])));
        op.add("address", addr);
        params.forEach((k, v) -> {
            if (v instanceof Boolean b) {
                op.add(k, b);
            } else {
                op.add(k, v.toString());
            }
        });
        var body = op.build().toString();
        var challenge = http.send(post(body, null), HttpResponse.BodyHandlers.discarding());
        var response = challenge.statusCode() == 401
                ? http.send(
                        post(body, authorization(challenge.headers().allValues("WWW-Authenticate"))),
                        HttpResponse.BodyHandlers.ofString())
                : http.send(post(body, null), HttpResponse.BodyHandlers.ofString());
        var json = Json.createReader(new StringReader(response.body())).readObject();
        if (!"success".equals(json.getString("outcome", ""))) {
            throw new IOException(operation + " " + body + " failed: " + json.get("failure-description"));
        }
        return json.getOrDefault("result", JsonValue.NULL);
    }

    static final List<String[]> BROKER =
            List.of(new String[] {"subsystem", "messaging-activemq"}, new String[] {"server", "default"});

    /** A JMS queue (the usual case: the checker reads queues; topics come from {@link #destinations}). */
    static List<String[]> queue(String name) {
        return destination("jms-queue", name);
    }

    static List<String[]> destination(String type, String name) {
        return List.of(BROKER.get(0), BROKER.get(1), new String[] {type, name});
    }

    /** A JMS destination as WildFly's management model names it: its type (jms-queue, jms-topic) and name. */
    record Destination(String type, String name) {}

    /** Every JMS queue and topic the broker has: what the checker expects empty at the end. */
    List<Destination> destinations() throws IOException, InterruptedException {
        var all = new java.util.ArrayList<Destination>();
        for (var type : List.of("jms-topic", "jms-queue")) {
            var children = (JsonArray) execute("read-children-names", BROKER, Map.of("child-type", type));
            children.forEach(name -> all.add(new Destination(type, ((jakarta.json.JsonString) name).getString())));
        }
        return all;
    }

    long messageCount(Destination destination) throws IOException, InterruptedException {
        var result = execute(
                "read-attribute", destination(destination.type(), destination.name()), Map.of("name", "message-count"));
        return ((jakarta.json.JsonNumber) result).longValue();
    }

    static final List<String[]> LOG_STORE =
            List.of(new String[] {"subsystem", "transactions"}, new String[] {"log-store", "log-store"});

    JsonArray listMessages(String queue) throws IOException, InterruptedException {
        return (JsonArray) execute("list-messages", queue(queue), Map.of());
    }

    /** Probes the object store, then every transaction with its participants. */
    JsonObject transactionLog() throws IOException, InterruptedException {
        execute("probe", LOG_STORE, Map.of());
        var result = execute(
                "read-children-resources",
                LOG_STORE,
                Map.of("child-type", "transactions", "recursive", true, "include-runtime", true));
        return result instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }

    private HttpRequest post(String body, String authorization) {
        var request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private String authorization(List<String> challenges) {
        var challenge = challenges.stream()
                .filter(c -> c.startsWith("Digest")
                        && (!c.contains("algorithm") || c.contains("algorithm=MD5,") || c.endsWith("algorithm=MD5")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No MD5 digest challenge in " + challenges));
        var params = new HashMap<String, String>();
        var m = PARAM.matcher(challenge.substring("Digest".length()));
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        var user = DemoUsers.MANAGEMENT_USER;
        var realm = params.get("realm");
        var nonce = params.get("nonce");
        var cnonce = UUID.randomUUID().toString().replace("-", "");
        var nc = "00000001";
        var uri = endpoint.getPath();
        var ha1 = md5(user + ":" + realm + ":" + DemoUsers.MANAGEMENT_PASSWORD);
        var ha2 = md5("POST:" + uri);
        var response = md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        var header = new StringBuilder("Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"" + uri + "\", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\", response=\""
                + response + "\", algorithm=MD5");
        if (params.containsKey("opaque")) {
            header.append(", opaque=\"").append(params.get("opaque")).append('"');
        }
        return header.toString();
    }

    private static String md5(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
