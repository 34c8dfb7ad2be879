package org.switchboard.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.switchboard.devserver.Cluster;

/**
 * Cluster mode under load and faults (docs/scale-out.md, issue 15): {@code ./mvnw -Pcluster
 * -Dswitchboard.cluster.skipRun=true -Dswitchboard.cluster.tests}. Starts the cluster the run command
 * starts ({@link Cluster}: one PostgreSQL, the Artemis primary/backup pair, two WildFly nodes with
 * remote-activemq), then
 *
 * <ol>
 *   <li>a warm-up batch, then throughput with both nodes: a batch of registrations back to back, half through each node,
 *       until every one is a contact in Marketing; each node's share of Marketing's deliveries;
 *   <li>kill -9 of node-2 under paced load through both nodes, {@code cluster.node.kills} times (3), each
 *       time with what it left in doubt on the broker and in its log and how long after its restart
 *       that was resolved ({@link NodeKills}); after the last kill the same batch through node-1 alone
 *       (throughput with one node); node-2 restarted, and the two-node batch again;
 *   <li>kill -9 of broker-a (the primary) under paced load: how long until broker-b takes over and
 *       until a registration made after the kill is a contact; broker-a restarted (it takes its place
 *       back: failback);
 * </ol>
 *
 * then the resilience suite's {@link Checker} on every registration (and order) of the faults: nothing
 * lost, nothing doubled, no phantom; the brokers' queues and dead-letter queues empty, no prepared
 * transaction in PostgreSQL, on the broker or in either node's transaction log. Writes
 * {@code target/cluster/cluster-suite.md}; exits non-zero when an invariant fails.
 */
public final class ClusterSuite {

    private static final System.Logger LOG = System.getLogger(ClusterSuite.class.getName());

    private final Cluster cluster;
    private final Path home;
    private final Postgres postgres;
    private final Scenarios.Load paced;
    private final int batch;
    private final ClusterReadings readings;

    /** Where each node listens (node-1 first): its own address in network namespaces, else loopback. */
    private final List<Ports> nodes;

    private ClusterSuite(Cluster cluster, Path home, Postgres postgres, Scenarios.Load paced, int batch) {
        this.cluster = cluster;
        this.home = home;
        this.postgres = postgres;
        this.paced = paced;
        this.batch = batch;
        this.nodes = java.util.stream.IntStream.range(0, Cluster.NODE_OFFSETS.size())
                .mapToObj(i -> new Ports(cluster.nodeHost(i), Cluster.NODE_OFFSETS.get(i)))
                .toList();
        this.readings = new ClusterReadings(cluster, home, postgres, nodes);
    }

    public static void main(String[] args) throws Exception {
        var target = Path.of(System.getProperty("resilience.dir", "target/resilience"))
                .toAbsolutePath()
                .resolveSibling("cluster");
        var build = new Cluster.Build(
                Path.of(System.getProperty("switchboard.cluster.server.dir")),
                Path.of(System.getProperty("switchboard.cluster.brokers.dir")),
                Path.of(System.getProperty("switchboard.ear")),
                Path.of(System.getProperty("switchboard.payment-provider.jar")));
        var paced = new Scenarios.Load(
                Integer.getInteger("cluster.clients", 4),
                Double.parseDouble(System.getProperty("cluster.rate", "8")),
                Duration.ofSeconds(Integer.getInteger("cluster.phase.seconds", 20)),
                Integer.getInteger("cluster.registrations.per.order", 4));
        var started = Instant.now();
        boolean holds;
        try (var cluster = Cluster.start(build, target, false, 2, "auto")) {
            var booted = Duration.between(started, Instant.now());
            var port = Integer.parseInt(cluster.database().settings().get("switchboard.db.port"));
            var suite = new ClusterSuite(
                    cluster, target, Postgres.reachedAt(port), paced, Integer.getInteger("cluster.batch", 200));
            line("Cluster started (PostgreSQL, broker pair, two nodes one after the other) in %s", booted);
            line(
                    "Nodes: node-1 on %s, node-2 on %s (%s); brokers, PostgreSQL and the payment provider on %s",
                    cluster.nodeHost(0),
                    cluster.nodeHost(1),
                    cluster.separateHosts() ? "each in a network namespace of its own" : "all on loopback",
                    cluster.brokers().get(0).host());
            try (var c = suite.postgres.connect()) {
                OrderLoad.stock(c);
            }
            holds = suite.run();
        }
        var markdown = String.join(
                "\n",
                List.of(
                        "# Cluster suite, " + started,
                        "",
                        "Total " + Duration.between(started, Instant.now()).toSeconds() + " s.",
                        ""));
        Files.createDirectories(target);
        Files.writeString(target.resolve("cluster-suite.md"), markdown + String.join("\n", REPORT) + "\n");
        System.out.println(Files.readString(target.resolve("cluster-suite.md")));
        if (!holds) {
            System.exit(1);
        }
    }

    /** The report's lines, written as the suite goes. */
    private static final List<String> REPORT = new ArrayList<>();

    private static void line(String format, Object... args) {
        var text = String.format(Locale.ROOT, format, args);
        LOG.log(System.Logger.Level.INFO, text);
        REPORT.add("- " + text);
    }

    private boolean run() throws Exception {
        // The first batch after boot runs on cold JVMs (class loading, JIT, pools): measured, not compared.
        throughput("warm-up", nodes);
        // Operations against the pair (docs/scale-out.md, "Operations against remote brokers").
        var operations = ClusterOperationsCheck.problems(nodes, cluster.separateHosts(), "broker-a", "broker-b");
        operations.forEach(problem -> line("Operations: %s", problem));
        line(
                "Consumers of %s by node on node-1's dashboard (/api/ops/queues): %s",
                ClusterOperationsCheck.CONSUMED, ClusterOperationsCheck.consumersByNode(nodes.get(0)));
        var shares0 = readings.shares();
        var two = throughput("two-nodes", nodes);
        var shares1 = readings.shares();
        line(
                "Marketing's deliveries during the two-node batch: node-1 %d, node-2 %d",
                shares1[0] - shares0[0], shares1[1] - shares0[1]);

        // (a) a node killed under load, then the one-node batch while it is down, then its restart.
        // Killed several times: each kill may land between a transaction's prepare and its commit (NodeKills).
        var nodeFault = List.of(load("node-kill-1", nodes.get(0)), load("node-kill-2", nodes.get(1)));
        Scenarios.pause(paced.phase());
        var kills = new NodeKills(cluster, home, 1);
        var recovery = Duration.ofMinutes(Integer.getInteger("cluster.recovery.minutes", 6));
        for (var round = 1; round < Integer.getInteger("cluster.node.kills", 3); round++) {
            kills.kill();
            line("node-2 %s", kills.restartAndResolve(recovery));
            Scenarios.pause(Duration.ofSeconds(5));
        }
        var killed = Instant.now();
        kills.kill();
        line(
                "node-2 killed (kill -9) after %d + %d registrations",
                nodeFault.get(0).registrationsSent(), nodeFault.get(1).registrationsSent());
        Scenarios.pause(paced.phase());
        stop(nodeFault);
        var one = throughput("one-node", List.of(nodes.get(0)));
        var last = kills.restartAndResolve(recovery);
        line("node-2 %s (%s after the kill)", last, Duration.between(killed, Instant.now()));
        line("Recovery against the remote broker: %s", kills.summary());
        var twoAgain = throughput("two-nodes-again", nodes);
        line(
                "Throughput, registration to Marketing contact: two nodes %.1f/s, one node %.1f/s, two nodes again"
                        + " (node-2 just restarted) %.1f/s",
                two, one, twoAgain);

        // (b) the primary broker killed under load: the backup takes over from the shared store.
        var brokerFault = List.of(load("broker-kill-1", nodes.get(0)), load("broker-kill-2", nodes.get(1)));
        Scenarios.pause(paced.phase());
        var primary = cluster.activeBroker();
        var before = readings.contacts("broker-kill-%");
        var brokerKilled = Instant.now();
        primary.kill();
        var backup =
                cluster.brokers().stream().filter(b -> b != primary).findFirst().orElseThrow();
        backup.awaitActive(Duration.ofMinutes(2));
        var takenOver = Duration.between(brokerKilled, Instant.now());
        awaitUntil(Duration.ofMinutes(3), () -> readings.contacts("broker-kill-%") > before);
        line(
                "%s killed (kill -9): %s accepts connections after %s; Marketing records contacts again after %s",
                primary.name(), backup.name(), takenOver, Duration.between(brokerKilled, Instant.now()));
        Scenarios.pause(paced.phase());
        var restartedAt = Instant.now();
        cluster.restartBroker(primary);
        primary.awaitActive(Duration.ofMinutes(2));
        line(
                "%s restarted: active again (failback) after %s",
                primary.name(), Duration.between(restartedAt, Instant.now()));
        Scenarios.pause(paced.phase());
        stop(brokerFault);
        return check(nodeFault, brokerFault) && kills.allResolved() && operations.isEmpty();
    }

    /** A batch back to back through the given nodes; registrations per second until all are contacts. */
    private double throughput(String run, List<Ports> nodes) throws Exception {
        var each = batch / nodes.size();
        var t0 = Instant.now();
        var loads = new ArrayList<LoadGenerator>();
        for (var i = 0; i < nodes.size(); i++) {
            var load = new LoadGenerator(
                    run + "-" + (i + 1),
                    new Scenarios.Load(paced.clients(), 0, paced.phase(), 0),
                    each,
                    Duration.ofSeconds(30),
                    nodes.get(i));
            load.start();
            loads.add(load);
        }
        var created = 0L;
        for (var load : loads) {
            load.awaitCompletion(Duration.ofMinutes(10));
            created += Checker.count(load.registrations(), LoadGenerator.Outcome.SUCCESS);
        }
        var expected = created;
        awaitUntil(Duration.ofMinutes(10), () -> readings.contacts(run + "-%") >= expected);
        var seconds = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
        line(
                "%s: %d registrations (%d created) through %d node(s), all contacts after %.1f s",
                run, each * nodes.size(), created, nodes.size(), seconds);
        return expected / seconds;
    }

    private LoadGenerator load(String run, Ports node) {
        var load = new LoadGenerator(run, paced, 1_000_000, Duration.ofSeconds(10), node);
        load.start();
        return load;
    }

    private static void stop(List<LoadGenerator> loads) throws InterruptedException {
        for (var load : loads) {
            load.stop();
        }
    }

    /** The Checker's invariants over both faults' runs, once everything drained (or time ran out). */
    private boolean check(List<LoadGenerator> nodeFault, List<LoadGenerator> brokerFault) throws Exception {
        var all = new ArrayList<LoadGenerator>(nodeFault);
        all.addAll(brokerFault);
        var retried = 0;
        for (var load : all) {
            retried += load.retryUnknowns();
        }
        var checker = new Checker(postgres, nodes.get(0));
        // Narayana's periodic recovery (every 2 minutes) completes what a broker's kill left prepared.
        var deadline = Instant.now().plus(Duration.ofMinutes(Integer.getInteger("cluster.recovery.minutes", 6)));
        boolean holds;
        String verdict;
        do {
            var failures = new ArrayList<String>();
            for (var load : all) {
                var sent = load.sent();
                var effects = checker.effects(sent.registrations(), sent.emailPattern());
                OrderChecker.OrderEffects orders;
                try (var c = postgres.connect()) {
                    orders = OrderChecker.check(c, sent.orders(), sent.orderKeys());
                }
                if (effects.lost() + effects.duplicated() + effects.phantom() + effects.inconsistent() > 0
                        || !orders.holds()) {
                    failures.add(sent.run() + ": " + effects + " " + orders);
                }
            }
            String left;
            boolean clean;
            try {
                var leftovers = readings.leftovers();
                clean = leftovers.holds();
                left = leftovers.toString();
            } catch (java.io.IOException notYet) {
                clean = false;
                left = "leftovers not readable: " + notYet.getMessage();
            }
            holds = failures.isEmpty() && clean;
            verdict =
                    (failures.isEmpty() ? "registrations and orders hold" : String.join("; ", failures)) + "; " + left;
            if (!holds) {
                Scenarios.pause(Duration.ofSeconds(3));
            }
        } while (!holds && Instant.now().isBefore(deadline));
        var sent = all.stream().mapToInt(LoadGenerator::registrationsSent).sum();
        var orders = all.stream().mapToInt(l -> l.sent().orders().size()).sum();
        line(
                "Faults' runs: %d registrations and %d orders sent, %d unknowns retried; %s: %s",
                sent, orders, retried, holds ? "INVARIANTS HOLD" : "INVARIANTS FAIL", verdict);
        return holds;
    }

    interface Condition {
        boolean met() throws Exception;
    }

    /** Polls until the condition holds or time runs out (the harness paces in real time). */
    private static void awaitUntil(Duration max, Condition condition) throws Exception {
        var deadline = Instant.now().plus(max);
        while (!condition.met()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Not reached within " + max);
            }
            Scenarios.pause(Duration.ofMillis(250));
        }
    }
}
