package org.switchboard.benchmark;

import org.HdrHistogram.Histogram;

/**
 * One step measured: the load and its REST latencies, the time to effect from the rows, how many
 * contacts kept pace with the schedule, and what the server and PostgreSQL spent on it.
 *
 * <p>A flow <em>keeps up</em> with a rate when at most 1 % of the requests fail or are refused, the
 * 201s come back at 95 % of the offered rate or more, REST p99 stays within a second, and 95 % of
 * the contacts exist two seconds after the last request was due (the backlog does not grow).
 */
record Step(OpenLoad.Outcome load, Histogram effect, long contacts, long onTime, Cpu cpu) {

    /** CPU milliseconds spent by the server JVM and by PostgreSQL (all its processes) during the step. */
    record Cpu(long serverMillis, long databaseMillis) {}

    static final double ALLOWED_FAILURES = 0.01;
    static final double REQUIRED_RATE = 0.95;
    static final double REST_P99_LIMIT_MS = 1000;

    Flow flow() {
        return load.schedule().flow();
    }

    int rate() {
        return load.schedule().rate();
    }

    boolean keptUp() {
        var requests = load.schedule().requests();
        var counts = load.counts();
        return counts.errors() + counts.refused() <= ALLOWED_FAILURES * requests
                && load.achievedRate() >= REQUIRED_RATE * rate()
                && restMillis(0.99) <= REST_P99_LIMIT_MS
                && onTime >= REQUIRED_RATE * requests;
    }

    double restMillis(double quantile) {
        return load.rest().getValueAtPercentile(quantile * 100) / 1000.0;
    }

    double effectMillis(double quantile) {
        return effect.getTotalCount() == 0 ? Double.NaN : effect.getValueAtPercentile(quantile * 100) / 1000.0;
    }

    double latenessMillis(double quantile) {
        return load.lateness().getValueAtPercentile(quantile * 100) / 1000.0;
    }

    double serverCpuPerRegistration() {
        return contacts == 0 ? Double.NaN : (double) cpu.serverMillis() / contacts;
    }

    double databaseCpuPerRegistration() {
        return contacts == 0 ? Double.NaN : (double) cpu.databaseMillis() / contacts;
    }
}
