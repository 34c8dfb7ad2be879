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
