package org.switchboard.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on loopback between the server and its database, which the suite can cut: every open
 * connection is closed at once and new ones are refused (nothing listens) until it heals, on the
 * same port. To the server this is a database host that vanished from the network, the fault an
 * outage of the database host or of the network looks like. It needs no PostgreSQL binaries of its
 * own and no privileges, so it works with the embedded database on any machine that builds the
 * project: the short subset in {@code ./mvnw verify} uses it.
 */
final class Partition implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Partition.class.getName());

    private final int upstreamPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    private Partition(int upstreamPort, int port) {
        this.upstreamPort = upstreamPort;
        this.port = port;
    }

    /** Relays a free loopback port to {@code upstreamPort} on loopback. */
    static Partition relay(int upstreamPort) throws IOException {
        int port;
        try (var probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        var partition = new Partition(upstreamPort, port);
        partition.heal();
        return partition;
    }

    /** The port the server connects to instead of the database's. */
    int port() {
        return port;
    }

    /** Listens again: new connections reach the database. */
    synchronized void heal() throws IOException {
        if (listener != null) {
            return;
        }
        var socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = socket;
        daemon("partition-accept-" + port, () -> accept(socket));
    }

    /** Closes every relayed connection and stops listening: connects are refused until {@link #heal}. */
    synchronized void cut() throws IOException {
        var socket = listener;
        listener = null;
        if (socket != null) {
            socket.close();
        }
        for (var s : open) {
            close(s);
        }
        LOG.log(System.Logger.Level.INFO, "Database partitioned: port {0} closed", String.valueOf(port));
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                var client = socket.accept();
                var upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                daemon("partition-up", () -> pump(client, upstream));
                daemon("partition-down", () -> pump(upstream, client));
            } catch (IOException closedOrRefused) {
                // cut() closed the listener, or the database itself is down: the client sees a reset.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        var buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException endOfConnection) {
            // Either side closed, or cut() did.
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that was wanted.
        }
    }

    private static void daemon(String name, Runnable task) {
        var thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
