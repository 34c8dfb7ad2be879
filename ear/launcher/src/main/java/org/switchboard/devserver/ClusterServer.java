package org.switchboard.devserver;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * Cluster mode's run command ({@code ./mvnw -Pcluster}): one PostgreSQL, the payment provider, the
 * Artemis pair and two WildFly nodes with remote-activemq ({@link Cluster}), state in
 * {@code .switchboard/cluster}. Ctrl-C or SIGTERM stops everything, nodes first. If a node dies on
 * its own the command says which and stops the rest.
 */
public final class ClusterServer {

    private static final CountDownLatch STOP = new CountDownLatch(1);

    private ClusterServer() {}

    public static void main(String[] args) throws Exception {
        var home = Path.of(System.getProperty("switchboard.home", ".switchboard"))
                .resolve("cluster")
                .toAbsolutePath()
                .normalize();
        var build = new Cluster.Build(
                Path.of(System.getProperty("switchboard.cluster.server.dir")),
                Path.of(System.getProperty("switchboard.cluster.brokers.dir")),
                Path.of(System.getProperty("switchboard.ear")),
                Path.of(System.getProperty("switchboard.payment-provider.jar")));
        var nodes = Integer.getInteger("switchboard.cluster.nodes", 2);
        System.out.println("Starting PostgreSQL, the payment provider, broker-a and broker-b, then " + nodes
                + " WildFly nodes; logs in " + home);
        var cluster = Cluster.start(build, home, true, nodes, "loopback");
        var stopped = new Thread(cluster::close, "switchboard-cluster-stop");
        Runtime.getRuntime().addShutdownHook(stopped);
        try {
            Signal.handle(new Signal("INT"), signal -> STOP.countDown());
        } catch (IllegalArgumentException ignoredByTheShell) {
            // In the background without job control: SIGTERM (the shutdown hook) stops it.
        }
        var urls = new StringBuilder();
        for (var i = 0; i < nodes; i++) {
            var offset = Cluster.NODE_OFFSETS.get(i);
            var host = cluster.separateHosts() ? cluster.nodeHost(i) : "localhost";
            urls.append("  %s  http://%s:%d/  (management http://%s:%d/, log %s)%n"
                    .formatted(
                            Cluster.nodeName(i),
                            host,
                            WildFly.HTTP_PORT + offset,
                            host,
                            WildFly.MANAGEMENT_PORT + offset,
                            home.resolve(Cluster.nodeName(i)).resolve("log/server.log")));
        }
        var pair = cluster.brokers();
        System.out.printf(
                """

                Switchboard cluster is running.
                %s  brokers  %s tcp://%s:%d (primary), %s tcp://%s:%d (backup), shared store %s
                Ctrl-C stops the nodes, the brokers, the payment provider and the database.
                %n""",
                urls,
                pair.get(0).name(),
                pair.get(0).host(),
                pair.get(0).port(),
                pair.get(1).name(),
                pair.get(1).host(),
                pair.get(1).port(),
                home.resolve("store"));
        String dead = null;
        while (!STOP.await(1, TimeUnit.SECONDS)) {
            dead = cluster.deadPart();
            if (dead != null) {
                break;
            }
        }
        Runtime.getRuntime().removeShutdownHook(stopped);
        System.out.println(dead == null ? "Stopping the cluster." : dead + " died; stopping the rest.");
        cluster.close();
        if (dead != null) {
            throw new IllegalStateException(dead + " died");
        }
        System.out.println("Switchboard cluster stopped.");
    }
}
