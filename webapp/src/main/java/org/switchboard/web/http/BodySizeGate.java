package org.switchboard.web.http;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xnio.channels.Channels;

/**
 * Answers 413 with a problem document to a request body over its path's limit ({@link BodyLimits}),
 * before any servlet, filter or JAX-RS resource reads it. Undertow's own limit (the listener's
 * max-post-size) would answer a bare 400 or close the connection; it stays as a hard cap above these.
 *
 * <ul>
 *   <li>A declared length (Content-Length, also after {@code Expect: 100-continue}) over the limit
 *       is refused unread, on the IO thread.
 *   <li>A chunked body has no declared length. One that the host's buffer-request filter has read
 *       completely (up to 32 KiB) is counted as it stands; a longer one is read here, on a worker
 *       thread, up to one byte over the limit: over it, 413; within it, the bytes are handed back to
 *       the exchange and read again by whoever serves the request. So a servlet never meets a body
 *       over its limit halfway through.
 * </ul>
 *
 * The REST API's own, smaller limit (16 KiB, PayloadLimit) applies after this one, as before.
 */
final class BodySizeGate implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(BodySizeGate.class.getName());

    private static final HttpString NOSNIFF = new HttpString("X-Content-Type-Options");

    private final HttpHandler next;
    private final BodyLimits limits;

    BodySizeGate(HttpHandler next, BodyLimits limits) {
        this.next = next;
        this.limits = limits;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        var limit = limits.forPath(exchange.getRelativePath());
        var declared = exchange.getRequestContentLength();
        if (declared > limit) {
            tooLarge(exchange, limit, "declared " + declared + " bytes");
            return;
        }
        if (declared >= 0 || exchange.isRequestComplete() || !chunked(exchange)) {
            next.handleRequest(exchange);
            return;
        }
        if (exchange.isInIoThread()) {
            // The body is read blocking: not on the IO thread, which serves every connection.
            exchange.dispatch(this);
            return;
        }
        var read = readUpTo(exchange, limit);
        if (read.isEmpty()) {
            tooLarge(exchange, limit, "chunked, more than " + limit + " bytes");
            return;
        }
        Connectors.ungetRequestBytes(exchange, read.toArray(PooledByteBuffer[]::new));
        Connectors.resetRequestChannel(exchange);
        next.handleRequest(exchange);
    }

    private static boolean chunked(HttpServerExchange exchange) {
        return exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
    }

    /** The whole body in pooled buffers, ready to read again; empty if it is over {@code limit} (then released). */
    private static List<PooledByteBuffer> readUpTo(HttpServerExchange exchange, long limit) throws IOException {
        var channel = exchange.getRequestChannel();
        var pool = exchange.getConnection().getByteBufferPool();
        var buffers = new ArrayList<PooledByteBuffer>();
        long total = 0;
        try {
            var end = false;
            while (!end) {
                var pooled = pool.allocate();
                buffers.add(pooled);
                var buffer = pooled.getBuffer();
                while (buffer.hasRemaining()) {
                    var n = Channels.readBlocking(channel, buffer);
                    if (n < 0) {
                        end = true;
                        break;
                    }
                    total += n;
                    if (total > limit) {
                        buffers.forEach(PooledByteBuffer::close);
                        return List.of();
                    }
                }
                buffer.flip();
            }
            return buffers;
        } catch (IOException | RuntimeException e) {
            buffers.forEach(PooledByteBuffer::close);
            throw e;
        }
    }

    private static void tooLarge(HttpServerExchange exchange, long limit, String what) {
        LOG.log(
                System.Logger.Level.INFO,
                "Refused a request body over {0} bytes ({1}) to {2} from {3}",
                limit,
                what,
                exchange.getRelativePath(),
                exchange.getSourceAddress().getAddress().getHostAddress());
        exchange.setStatusCode(413);
        // What the client still sends is drained by Undertow after this answer (up to the
        // listener's max-post-size, beyond which it closes the connection). A client that waits for
        // 100 Continue sends no body at all, and may not know whether to send it now: the
        // connection ends with this answer, as Undertow's own refusals end it.
        if (HttpContinue.requiresContinueResponse(exchange)) {
            exchange.setPersistent(false);
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
        exchange.getResponseHeaders().put(NOSNIFF, "nosniff");
        exchange.getResponseSender().send("""
                {"type":"https://switchboard.example/problems/payload-too-large",\
                "title":"Request Entity Too Large","status":413,\
                "detail":"Request bodies to this address are limited to %d bytes."}""".formatted(limit), StandardCharsets.UTF_8);
    }
}
