package org.switchboard.resilience;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    /**
     * What one kill left, and when it was gone after the restart: the broker's branches and the log's
     * records apart (null: still there when time ran out).
     */
    record Kill(int round, int brokerPrepared, long logRecords, Duration restart, Duration branches, Duration records) {
        boolean inDoubt() {
            return brokerPrepared + logRecords > 0;
        }

        boolean resolved() {
            return branches != null && records != null;
        }

        @Override
        public String toString() {
            return "kill %d: left %d prepared branch(es) on the broker and %d record(s) in its log; up again after %s;"
                            .formatted(round, brokerPrepared, logRecords, restart)
                    + " branches " + (branches == null ? "NOT resolved" : "resolved " + branches + " after the restart")
                    + ", records " + (records == null ? "NOT resolved" : "resolved " + records + " after the restart");
        }
    }

    private final Cluster cluster;
    private final Path home;
    private final int node;
    private final List<Kill> kills = new ArrayList<>();
    private int round;
    private Set<String> orphanBranches = Set.of();
    private Set<String> orphanRecords = Set.of();

    NodeKills(Cluster cluster, Path home, int node) {
        this.cluster = cluster;
        this.home = home;
        this.node = node;
    }

    /** The node's Narayana node identifier, in every global transaction id it makes (Cluster.startNode). */
    private String nodeId() {
        return "switchboard-" + Cluster.nodeName(node);
    }

    private Path base() {
        return home.resolve(Cluster.nodeName(node));
    }

    /**
     * kill -9 of the node, then what it left: its branches still prepared on the active broker and
     * its object store's records, by identity, so that the restarted node's own transactions in
     * flight under the load are not taken for them.
     */
    void kill() throws Exception {
        round++;
        cluster.killNode(node);
        Scenarios.pause(Duration.ofSeconds(2));
        orphanBranches = BrokerQueues.preparedBy(cluster.activeBroker().pid(), nodeId());
        orphanRecords = ClusterReadings.transactionRecordNames(base());
    }

    /** Restarts the node and waits until none of what the kill left is on the broker or in its log. */
    Kill restartAndResolve(Duration limit) throws Exception {
        var restarting = Instant.now();
        cluster.restartNode(node);
        var up = Instant.now();
        var deadline = up.plus(limit);
        Duration branches = null;
        Duration records = null;
        while ((branches == null || records == null) && Instant.now().isBefore(deadline)) {
            if (branches == null
                    && java.util.Collections.disjoint(
                            orphanBranches,
                            BrokerQueues.preparedBy(cluster.activeBroker().pid(), nodeId()))) {
                branches = Duration.between(up, Instant.now());
            }
            if (records == null
                    && java.util.Collections.disjoint(orphanRecords, ClusterReadings.transactionRecordNames(base()))) {
                records = Duration.between(up, Instant.now());
            }
            Scenarios.pause(Duration.ofSeconds(2));
        }
        var kill = new Kill(
                round,
                orphanBranches.size(),
                orphanRecords.size(),
                Duration.between(restarting, up),
                branches,
                records);
        kills.add(kill);
        return kill;
    }

    /** For the report: how many kills left something in doubt, and whether every one was resolved. */
    String summary() {
        var inDoubt = kills.stream().filter(Kill::inDoubt).count();
        var unresolved = kills.stream().filter(k -> !k.resolved()).count();
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
        return kills.stream().allMatch(Kill::resolved);
    }
}
