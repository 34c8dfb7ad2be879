package org.switchboard.benchmark;

import java.time.Duration;

/**
 * One order step measured: the load and its REST latencies (202 Accepted, from the due time), what
 * became of the orders by the end of the drain (from the rows), and what the server and PostgreSQL
 * spent on the step and its drain.
 */
record OrderStep(OpenLoad.Outcome load, OrderRows.Ends ends, Duration drain, Step.Cpu cpu) {

    int rate() {
        return load.schedule().rate();
    }

    double restMillis(double quantile) {
        return load.rest().getValueAtPercentile(quantile * 100) / 1000.0;
    }

    double latenessMillis(double quantile) {
        return load.lateness().getValueAtPercentile(quantile * 100) / 1000.0;
    }

    /** Due time to CONFIRMED; NaN when none was confirmed. */
    double confirmedMillis(double quantile) {
        var confirmed = ends.confirmed();
        return confirmed.getTotalCount() == 0 ? Double.NaN : confirmed.getValueAtPercentile(quantile * 100) / 1000.0;
    }

    double confirmedMaxMillis() {
        return ends.confirmed().getTotalCount() == 0
                ? Double.NaN
                : ends.confirmed().getMaxValue() / 1000.0;
    }

    long confirmed() {
        return ends.confirmed().getTotalCount();
    }

    long cancelled() {
        return ends.cancelled().getTotalCount();
    }

    /** Server CPU milliseconds per confirmed order (the step's background work included). */
    double serverCpuPerOrder() {
        return confirmed() == 0 ? Double.NaN : (double) cpu.serverMillis() / confirmed();
    }

    double databaseCpuPerOrder() {
        return confirmed() == 0 ? Double.NaN : (double) cpu.databaseMillis() / confirmed();
    }
}
