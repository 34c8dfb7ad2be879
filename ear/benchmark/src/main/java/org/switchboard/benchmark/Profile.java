package org.switchboard.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's time goes: a JFR recording (settings=profile) taken with jcmd during a step,
 * summarised as hot methods (top frames of the execution samples), the share of samples per
 * component (the first frame of a known library, walking down from the top), and the monitors
 * threads waited for longest.
 */
final class Profile {

    private static final System.Logger LOG = System.getLogger(Profile.class.getName());

    /** A server doing only its background work (pollers, timers) uses less than this of a core. */
    private static final long QUIET_CPU_MILLIS_PER_SECOND = 60;

    private static final Duration IDLE_WAIT = Duration.ofSeconds(90);

    /** Package prefixes to the component the summary names, checked in order. */
    private static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("org.apache.activemq.artemis.core.journal", "Artemis journal");
        COMPONENTS.put("org.apache.activemq.artemis.core.io", "Artemis journal");
        COMPONENTS.put("org.apache.activemq.artemis.core.persistence", "Artemis journal");
        COMPONENTS.put("org.apache.activemq", "Artemis (other)");
        COMPONENTS.put("org.hibernate", "Hibernate");
        COMPONENTS.put("org.eclipse.yasson", "JSON-B (Yasson)");
        COMPONENTS.put("org.eclipse.parsson", "JSON-P (Parsson)");
        COMPONENTS.put("com.networknt", "JSON schema validation");
        COMPONENTS.put("org.jboss.resteasy", "RESTEasy");
        COMPONENTS.put("com.arjuna", "Narayana");
        COMPONENTS.put("org.jboss.narayana", "Narayana");
        COMPONENTS.put("org.jboss.jca", "IronJacamar (pools)");
        COMPONENTS.put("org.postgresql", "PostgreSQL JDBC");
        COMPONENTS.put("io.undertow", "Undertow");
        COMPONENTS.put("org.jboss.weld", "Weld (CDI)");
        COMPONENTS.put("org.jboss.as.ejb3", "EJB container");
        COMPONENTS.put("org.jboss.modules", "JBoss Modules (class/service lookups)");
        COMPONENTS.put("org.switchboard", "Switchboard code");
        COMPONENTS.put("org.wildfly", "WildFly (other)");
        COMPONENTS.put("org.jboss", "WildFly (other)");
    }

    record Summary(
            long samples,
            List<Map.Entry<String, Long>> methods,
            List<Map.Entry<String, Long>> components,
            List<Map.Entry<String, Duration>> monitors) {}

    private Profile() {}

    /**
     * Starts a recording once the server idles (its background work only), so that what an earlier
     * phase left running stays out of the profile: the orders' later saga replies were a fifth of
     * the recording's first 20 s in the run of 2026-12-03 12:28, the other flow's backlog is another.
     */
    static void startWhenIdle(long pid, Path file, String label) throws IOException, InterruptedException {
        var waited = Machine.awaitQuiet(pid, QUIET_CPU_MILLIS_PER_SECOND, IDLE_WAIT);
        if (waited < 0) {
            LOG.log(System.Logger.Level.WARNING, "Server not idle after {0}; recording {1} anyway", IDLE_WAIT, label);
        } else {
            LOG.log(System.Logger.Level.INFO, "Server idle before the {0} recording after {1} s", label, waited);
        }
        start(pid, file);
    }

    private static void start(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file);
    }

    static void stop(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=bench");
    }

    static Summary summarise(Path file) throws IOException {
        var methods = new HashMap<String, Long>();
        var components = new HashMap<String, Long>();
        var monitors = new HashMap<String, Duration>();
        var samples = 0L;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            var type = event.getEventType().getName();
            if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                var frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                methods.merge(name(frames.get(0)), 1L, Long::sum);
                components.merge(component(frames), 1L, Long::sum);
            } else if (type.equals("jdk.JavaMonitorEnter")) {
                var monitor = event.getClass("monitorClass");
                monitors.merge(monitor == null ? "?" : monitor.getName(), event.getDuration(), Duration::plus);
            }
        }
        return new Summary(samples, top(methods, 15), top(components, 12), top(monitors, 8));
    }

    private static String component(List<RecordedFrame> frames) {
        for (var frame : frames) {
            var type = frame.getMethod().getType().getName();
            for (var entry : COMPONENTS.entrySet()) {
                if (type.startsWith(entry.getKey())) {
                    return entry.getValue();
                }
            }
        }
        return "JDK and other";
    }

    private static String name(RecordedFrame frame) {
        var type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "."
                + frame.getMethod().getName() + " (" + type.substring(0, Math.max(0, type.lastIndexOf('.'))) + ")";
    }

    private static <V extends Comparable<V>> List<Map.Entry<String, V>> top(Map<String, V> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, V>comparingByValue().reversed())
                .limit(n)
                .toList();
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<String>(List.of("jcmd", String.valueOf(pid)));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", args) + " failed: " + output);
        }
    }
}
