package org.switchboard.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the processes cost, from /proc: CPU time (user + system, in clock ticks of 10 ms) and
 * resident memory; and the machine's load average, recorded at the start of each phase because
 * this machine is shared.
 */
final class Machine {

    /** USER_HZ on Linux (x86-64 and arm64 alike). */
    private static final long MILLIS_PER_TICK = 10;

    private Machine() {}

    /** CPU milliseconds the process has used so far (user + system), threads included. */
    static long cpuMillis(long pid) {
        return stat(pid)
                .map(f -> (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MILLIS_PER_TICK)
                .orElse(0L);
    }

    /**
     * CPU milliseconds of PostgreSQL: the postmaster, its children that ended (cutime, cstime) and
     * those alive now (the backends, the WAL writer, the checkpointer).
     */
    static long treeCpuMillis(long pid) {
        var own = stat(pid)
                .map(f ->
                        (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]))
                                * MILLIS_PER_TICK)
                .orElse(0L);
        return own
                + ProcessHandle.of(pid)
                        .map(p ->
                                p.children().mapToLong(c -> cpuMillis(c.pid())).sum())
                        .orElse(0L);
    }

    /**
     * Waits until the process has used at most {@code millisPerSecond} of CPU in each of two
     * consecutive seconds (its background work only: pollers, timers), or {@code atMost} has passed.
     * Returns the seconds waited, or -1 when it never got that quiet.
     */
    static long awaitQuiet(long pid, long millisPerSecond, Duration atMost) throws InterruptedException {
        var start = System.nanoTime();
        var quietSeconds = 0;
        var before = cpuMillis(pid);
        while (System.nanoTime() - start < atMost.toNanos()) {
            TimeUnit.SECONDS.sleep(1);
            var now = cpuMillis(pid);
            quietSeconds = now - before <= millisPerSecond ? quietSeconds + 1 : 0;
            before = now;
            if (quietSeconds == 2) {
                return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            }
        }
        return -1;
    }

    /** Resident set size in MiB. */
    static long rssMiB(long pid) {
        return statusMiB(pid, "VmRSS:");
    }

    /** The most the process's RSS has been since it started (the kernel's high-water mark). */
    static long peakRssMiB(long pid) {
        return statusMiB(pid, "VmHWM:");
    }

    private static long statusMiB(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                            .filter(l -> l.startsWith(field))
                            .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                            .findFirst()
                            .orElse(0L)
                    / 1024;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** The 1-, 5- and 15-minute load averages, as uptime prints them. */
    static String load() {
        try {
            var parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** The fields after the command name (field 3, state, is index 0). */
    private static Optional<String[]> stat(long pid) {
        try {
            var line = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return Optional.of(line.substring(line.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }
}
