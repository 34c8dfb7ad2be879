package org.switchboard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what a polite client cannot do: connect from a chosen local
 * address (127.0.0.2 is another client than 127.0.0.1), or send a request slowly.
 */
final class RawHttp {

    private RawHttp() {}

    record Response(int status, Map<String, String> headers) {}

    /** A socket to the server, from the given local address. */
    static Socket open(URL base, String from) {
        try {
            var socket = new Socket();
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(10_000);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Authorization header for HTTP Basic. */
    static String basic(String user, String password) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One GET from {@code from}, the connection closed after it; the status and headers. */
    static Response get(URL base, String from, String path, String authorization) {
        try (var socket = open(base, from)) {
            var request = "GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            var head = new StringBuilder();
            var in = socket.getInputStream();
            int c;
            while ((c = in.read()) != -1 && !head.toString().endsWith("\r\n\r\n")) {
                head.append((char) c);
            }
            var lines = head.toString().split("\r\n");
            var headers = new LinkedHashMap<String, String>();
            for (var i = 1; i < lines.length; i++) {
                var colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(
                            lines[i].substring(0, colon).strip().toLowerCase(),
                            lines[i].substring(colon + 1).strip());
                }
            }
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A final answer with its body (read by its Content-Length). */
    record Answer(int status, Map<String, String> headers, String body) {}

    /**
     * A POST that announces {@code body.length} bytes with {@code Expect: 100-continue} and sends
     * them only after a 100 (Continue), as curl does with large bodies; the final answer.
     */
    static Answer postExpectingContinue(URL base, String path, Map<String, String> fields, byte[] body) {
        try (var socket = open(base, "127.0.0.1")) {
            var request = new StringBuilder(
                    "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n");
            fields.forEach((name, value) ->
                    request.append(name).append(": ").append(value).append("\r\n"));
            request.append("Content-Length: ")
                    .append(body.length)
                    .append("\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
            var out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            var in = socket.getInputStream();
            var head = head(in);
            if (head.status() == 100) {
                out.write(body);
                out.flush();
                head = head(in);
            }
            var length = Integer.parseInt(head.headers().getOrDefault("content-length", "0"));
            return new Answer(head.status(), head.headers(), new String(in.readNBytes(length), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response head(java.io.InputStream in) throws IOException {
        var head = new StringBuilder();
        int c;
        while (!head.toString().endsWith("\r\n\r\n") && (c = in.read()) != -1) {
            head.append((char) c);
        }
        var lines = head.toString().split("\r\n");
        var headers = new LinkedHashMap<String, String>();
        for (var i = 1; i < lines.length; i++) {
            var colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(),
                        lines[i].substring(colon + 1).strip());
            }
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers);
    }

    /** True once the server closed this connection (end of stream or reset); false while it waits. */
    static boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(50);
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
