package org.switchboard.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.partners.control.WebhookSignature;

/**
 * A partner's webhook endpoint, outside Switchboard: a plain HTTP/1.1 server on a free loopback
 * port (a socket, no framework), which verifies each post's signature with the partner's secret and
 * records it. Like a careful partner it deduplicates on {@code Webhook-Id}: {@link #events()} is what
 * the partner acted on, {@link #posts()} everything that arrived. It can answer with another status,
 * or be down (its port closed: connection refused) and come back on the same port.
 */
final class PartnerReceiver implements AutoCloseable {

    /** One post as it arrived. */
    record Post(String webhookId, String type, String signature, String body, boolean signed, Instant at) {}

    private final String secret;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile int status = 204;
    private volatile ServerSocket socket;

    PartnerReceiver(String secret) {
        this.secret = secret;
        this.socket = bind(0);
        this.port = socket.getLocalPort();
        serve(socket);
    }

    String url() {
        return "http://127.0.0.1:" + port + "/webhooks";
    }

    /** Every post that arrived, duplicates included. */
    List<Post> posts() {
        return List.copyOf(posts);
    }

    /** The posts the partner acts on: the first of each Webhook-Id whose signature is valid. */
    List<Post> events() {
        var seen = new java.util.LinkedHashMap<String, Post>();
        posts.stream().filter(Post::signed).forEach(post -> seen.putIfAbsent(post.webhookId(), post));
        return List.copyOf(seen.values());
    }

    void answer(int httpStatus) {
        status = httpStatus;
    }

    /** Down: nobody listens on the port any more. */
    void down() {
        closeSocket();
    }

    /** Back on the same port. */
    void up() {
        if (socket.isClosed()) {
            socket = bind(port);
            serve(socket);
        }
    }

    @Override
    public void close() {
        closeSocket();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServerSocket bind(int port) {
        try {
            var server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(ServerSocket server) {
        var thread = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try (var client = server.accept()) {
                            handle(client);
                        } catch (IOException e) {
                            // closed (down) or a client that went away: keep serving while open
                        }
                    }
                },
                "partner-receiver-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private void handle(Socket client) throws IOException {
        client.setSoTimeout(5000);
        var in = new BufferedInputStream(client.getInputStream());
        var requestLine = line(in);
        if (requestLine == null || !requestLine.startsWith("POST ")) {
            respond(client, 405);
            return;
        }
        var headers = new HashMap<String, String>();
        for (var header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            var colon = header.indexOf(':');
            headers.put(
                    header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).trim());
        }
        var body = new String(
                in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))), StandardCharsets.UTF_8);
        var signature = headers.getOrDefault("webhook-signature", "");
        posts.add(new Post(
                headers.get("webhook-id"),
                headers.get("webhook-event-type"),
                signature,
                body,
                timestampAgrees(headers, signature) && WebhookSignature.verify(secret, signature, body),
                Instant.now()));
        respond(client, status);
    }

    /** The signed timestamp is the one in Webhook-Timestamp, and recent (a partner's replay check). */
    private static boolean timestampAgrees(Map<String, String> headers, String signature) {
        var timestamp = headers.getOrDefault("webhook-timestamp", "");
        return signature.startsWith("t=" + timestamp + ",")
                && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300;
    }

    private static void respond(Socket client, int status) throws IOException {
        var out = client.getOutputStream();
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                var text = bytes.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.US_ASCII);
    }
}
