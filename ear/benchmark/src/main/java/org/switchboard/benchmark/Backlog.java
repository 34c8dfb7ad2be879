package org.switchboard.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The flows' queue depth over the whole run, sampled twice a second from the rows: registrations
 * committed that are not yet contacts (what waits in the broker or in an MDB for either flow), and
 * of those Switchboard's still in the Web Store's outbox (not yet handed to the broker).
 */
final class Backlog implements AutoCloseable {

    record Sample(double seconds, long switchboard, long outbox, long peer) {}

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Connection db;
    private final Instant since;
    private final long start = System.nanoTime();

    Backlog(Connection db, Instant since) {
        this.db = db;
        this.since = since;
        timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void sample() {
        try {
            var rows = new Rows(db);
            var switchboard = rows.customers(Flow.SWITCHBOARD, since) - rows.contacts(Flow.SWITCHBOARD, since);
            var outbox = rows.outbox();
            samples.add(new Sample(
                    seconds(),
                    switchboard,
                    outbox,
                    rows.customers(Flow.PEER, since) - rows.contacts(Flow.PEER, since)));
        } catch (SQLException e) {
            // a missed sample (the peer's tables may not exist yet); the next one comes in 500 ms
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
