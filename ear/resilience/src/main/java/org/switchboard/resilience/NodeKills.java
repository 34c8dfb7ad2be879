package org.switchboard.resilience;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.devserver.Cluster;

/**
 * Transaction recovery against the remote broker, by killing a node under load: what a node left in
 * doubt at its {@code kill -9}, and how long after its restart that was resolved.
 *
 * <p>Since ADR 0009 no transaction spans PostgreSQL and the broker; the two-phase ones left span the
 * broker alone: an MDB with a container transaction consumes and sends in one XA transaction of
 * two or more branches on the broker (Integration's {@code webstore.events} → {@code
 * marketing.commands}, with the interceptor's journey note through the default factory), which
 * Narayana prepares, logs in the node's object store, then commits. A node killed between the
 * prepares and the last commit leaves branches prepared on the active broker (holding the consumed
 * message and the sent ones) and, once past the log write, a record in its object store; only that
 * node's recovery, under its Narayana node identifier, resolves them: it commits what its log says
 * was decided and rolls back the rest (presumed abort). The kill is not aimed at that window (there
 * is no hook for it in the product), so the suite kills several times and counts what each kill left.
 */
final class NodeKills {

    /** What one kill left, and when it was gone. */
    record Kill(int round, int brokerPrepared, long logRecords, Duration restart, Duration resolved) {
        boolean inDoubt() {
            return brokerPrepared + logRecords > 0;
        }

        @Override
        public String toString() {
            return "kill %d: left %d prepared branch(es) on the broker and %d record(s) in its log; up again after %s,"
                            .formatted(round, brokerPrepared, logRecords, restart)
                    + (resolved == null ? " NOT resolved" : " nothing in doubt " + resolved + " after the restart");
        }
    }

    private final Cluster cluster;
    private final Path home;
    private final int node;
    private final List<Kill> kills = new ArrayList<>();
    private int round;
    private int brokerPrepared;
    private long logRecords;

    NodeKills(Cluster cluster, Path home, int node) {
        this.cluster = cluster;
        this.home = home;
        this.node = node;
    }

    /** The node's Narayana node identifier, in every global transaction id it makes (Cluster.startNode). */
    private String nodeId() {
        return "switchboard-" + Cluster.nodeName(node);
    }

    /**
     * kill -9 of the node, then what it left: its branches still prepared on the active broker and
     * its object store's records, read once its in-flight work on the broker had a moment to end.
     */
    void kill() throws Exception {
        round++;
        cluster.killNode(node);
        Scenarios.pause(Duration.ofSeconds(2));
        brokerPrepared = BrokerQueues.preparedBy(cluster.activeBroker().pid(), nodeId());
        logRecords = ClusterReadings.transactionRecords(home.resolve(Cluster.nodeName(node)));
    }

    /** Restarts the node and waits until neither the broker nor its log holds anything of it in doubt. */
    Kill restartAndResolve(Duration limit) throws Exception {
        var restarting = Instant.now();
        cluster.restartNode(node);
        var up = Instant.now();
        var deadline = up.plus(limit);
        Duration resolved = null;
        while (Instant.now().isBefore(deadline)) {
            if (BrokerQueues.preparedBy(cluster.activeBroker().pid(), nodeId()) == 0
                    && ClusterReadings.transactionRecords(home.resolve(Cluster.nodeName(node))) == 0) {
                resolved = Duration.between(up, Instant.now());
                break;
            }
            Scenarios.pause(Duration.ofSeconds(2));
        }
        var kill = new Kill(round, brokerPrepared, logRecords, Duration.between(restarting, up), resolved);
        kills.add(kill);
        return kill;
    }

    /** For the report: how many kills left something in doubt, and whether every one was resolved. */
    String summary() {
        var inDoubt = kills.stream().filter(Kill::inDoubt).count();
        var unresolved = kills.stream().filter(k -> k.resolved() == null).count();
        return "%d kill(s) of %s under load, %d left something in doubt (%d prepared branch(es) on the broker, %d"
                        .formatted(
                                kills.size(),
                                Cluster.nodeName(node),
                                inDoubt,
                                kills.stream().mapToInt(Kill::brokerPrepared).sum(),
                                kills.stream().mapToLong(Kill::logRecords).sum())
                + " log record(s)); " + (unresolved == 0 ? "all resolved after restart" : unresolved + " NOT resolved");
    }

    boolean allResolved() {
        return kills.stream().allMatch(k -> k.resolved() != null);
    }
}
