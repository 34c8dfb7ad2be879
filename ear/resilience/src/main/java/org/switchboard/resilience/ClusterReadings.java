package org.switchboard.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.switchboard.devserver.Cluster;

/**
 * What the cluster suite reads off the cluster after a run: what must be gone (prepared
 * transactions in PostgreSQL and on the broker, Narayana's records on each node, messages left in
 * queues and dead-letter queues), each node's share of Marketing's deliveries, and contacts made.
 */
final class ClusterReadings {

    private final Cluster cluster;
    private final Path home;
    private final Postgres postgres;
    private final List<Ports> nodes;

    ClusterReadings(Cluster cluster, Path home, Postgres postgres, List<Ports> nodes) {
        this.cluster = cluster;
        this.home = home;
        this.postgres = postgres;
        this.nodes = nodes;
    }

    /** What must be gone: prepared transactions (PostgreSQL, broker), log records on each node, messages. */
    record Leftovers(
            int pgPrepared, int brokerPrepared, long logRecords, long queued, long deadLettered, String where) {
        boolean holds() {
            return pgPrepared + brokerPrepared + logRecords == 0 && queued + deadLettered == 0;
        }
    }

    Leftovers leftovers() throws Exception {
        int prepared;
        try (var c = postgres.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("select count(*) from pg_prepared_xacts")) {
            rs.next();
            prepared = rs.getInt(1);
        }
        long logRecords = 0;
        for (var i = 0; i < nodes.size(); i++) {
            logRecords += transactionRecords(home.resolve(Cluster.nodeName(i)));
        }
        var broker = BrokerQueues.read(cluster.activeBroker().pid());
        return new Leftovers(
                prepared,
                broker.prepared(),
                logRecords,
                broker.queued(),
                broker.deadLettered(),
                broker.nonEmpty().toString());
    }

    /**
     * Narayana's transaction records in a node's object store, read from its files: the log-store
     * {@code probe} of the management API fails on these records ("WFLYCTL0075: Duplicate resource
     * java:/jms/integration/JmsXA", two branches of one transaction on the same factory), so the
     * files are the reliable count. A record stays until the transaction's every branch completed.
     */
    static long transactionRecords(Path node) throws java.io.IOException {
        return transactionRecordNames(node).size();
    }

    /** The records' file names (Narayana's transaction ids), to tell what a kill left from what came later. */
    static java.util.Set<String> transactionRecordNames(Path node) throws java.io.IOException {
        var store = node.resolve("data/tx-object-store");
        if (!Files.isDirectory(store)) {
            return java.util.Set.of();
        }
        // A running node deletes records while they are counted: the walk then fails on a vanished
        // file, and is repeated (a record that lasts is still there the next time).
        for (var attempt = 1; ; attempt++) {
            try (var files = Files.walk(store)) {
                return files.filter(Files::isRegularFile)
                        .filter(f -> f.getParent().getFileName().toString().equals("AtomicAction"))
                        .map(f -> f.getFileName().toString())
                        .collect(java.util.stream.Collectors.toSet());
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException vanished) {
                if (attempt == 10) {
                    throw new java.io.IOException("The object store of " + node + " keeps changing", vanished);
                }
            }
        }
    }

    /** Deliveries of Marketing's CreateCustomerListener per node, from each node's EJB statistics. */
    long[] shares() throws Exception {
        var result = new long[nodes.size()];
        for (var i = 0; i < nodes.size(); i++) {
            var value = new Management(nodes.get(i))
                    .execute(
                            "read-attribute",
                            List.of(
                                    new String[] {"deployment", "switchboard.ear"},
                                    new String[] {"subdeployment", "marketing.jar"},
                                    new String[] {"subsystem", "ejb3"},
                                    new String[] {"message-driven-bean", "CreateCustomerListener"}),
                            java.util.Map.of("name", "invocations"));
            result[i] = ((jakarta.json.JsonNumber) value).longValue();
        }
        return result;
    }

    long contacts(String emailPattern) throws SQLException {
        try (var c = postgres.connect();
                var s = c.prepareStatement("select count(*) from marketing.contact where email like ?")) {
            s.setString(1, emailPattern + "@resilience.example");
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
