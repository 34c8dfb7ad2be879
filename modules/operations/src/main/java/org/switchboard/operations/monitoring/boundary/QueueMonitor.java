package org.switchboard.operations.monitoring.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.operations.broker.control.BrokerQueues;

/**
 * Samples every broker queue on a timer (every {@code switchboard.ops.sample-seconds}, default 5)
 * and keeps the last ten minutes of samples per queue: the rates and the dashboard's chart come
 * from them, and each sample is announced as a {@link QueuesSampled} event, which the dead-letter
 * alerts and the metrics watch. {@link #now()} reads the broker afresh, for callers that need exact
 * numbers. Not called by the webapp (see {@link Operations}); its callers are the timer and
 * Operations.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class QueueMonitor {

    static final Duration KEEP = Duration.ofMinutes(10);

    private static final System.Logger LOG = System.getLogger(QueueMonitor.class.getName());

    /** Whether the last tick could not read the broker; touched by the timer only. */
    private volatile boolean unreadable;

    private final Map<String, Deque<QueueStatus>> history = new ConcurrentHashMap<>();

    @Inject
    BrokerQueues broker;

    @Resource
    TimerService timers;

    @Inject
    Event<QueuesSampled> sampled;

    /** All queues' statuses at one sample, in queue-name order. */
    public record QueuesSampled(List<QueueStatus> queues) {}

    @PostConstruct
    void start() {
        var every = Duration.ofSeconds(Long.getLong("switchboard.ops.sample-seconds", 5));
        timers.createIntervalTimer(every.toMillis(), every.toMillis(), new TimerConfig("queue-sampling", false));
    }

    @Timeout
    void sample() {
        List<QueueStatus> queues;
        try {
            queues = now();
        } catch (RuntimeException e) {
            // A broker that is failing over or starting answers nothing for a few seconds: one line
            // when sampling stops and one when it resumes, not a timer failure every 5 seconds.
            if (!unreadable) {
                LOG.log(System.Logger.Level.WARNING, "Queues not sampled, retrying on every tick: {0}", e.toString());
                unreadable = true;
            }
            return;
        }
        if (unreadable) {
            LOG.log(System.Logger.Level.INFO, "Queues sampled again");
            unreadable = false;
        }
        for (var status : queues) {
            var samples = history.computeIfAbsent(status.queue(), q -> new ArrayDeque<>());
            var keepFrom = status.sample().sampledAt().minus(KEEP);
            synchronized (samples) {
                samples.addLast(status);
                while (!samples.isEmpty()
                        && samples.peekFirst().sample().sampledAt().isBefore(keepFrom)) {
                    samples.removeFirst();
                }
            }
        }
        history.keySet().retainAll(queues.stream().map(QueueStatus::queue).toList());
        sampled.fire(new QueuesSampled(queues));
    }

    /** Every queue as the broker reports it right now, in queue-name order; rates against the last timed sample. */
    public List<QueueStatus> now() {
        var samples = broker.survey();
        var addressOfQueue = new HashMap<String, String>();
        var depthOfAddress = new HashMap<String, Long>();
        for (var sample : samples) {
            addressOfQueue.put(sample.queue(), sample.address());
            depthOfAddress.merge(sample.address(), sample.load().depth(), Long::sum);
        }
        var statuses = new ArrayList<QueueStatus>();
        for (var sample : samples) {
            var deadLetters = sample.deadLetterQueue();
            var previous = last(sample.queue());
            statuses.add(new QueueStatus(
                    sample,
                    QueueStatus.Rates.between(previous == null ? null : previous.sample(), sample),
                    deadLetters == null
                            ? 0
                            : depthOfAddress.getOrDefault(addressOfQueue.getOrDefault(deadLetters, deadLetters), 0L)));
        }
        return statuses;
    }

    /** The samples of the last ten minutes, oldest first, per queue. */
    public Map<String, List<QueueStatus>> history() {
        var copy = new TreeMap<String, List<QueueStatus>>();
        history.forEach((queue, samples) -> {
            synchronized (samples) {
                copy.put(queue, List.copyOf(samples));
            }
        });
        return copy;
    }

    private QueueStatus last(String queue) {
        var samples = history.get(queue);
        if (samples == null) {
            return null;
        }
        synchronized (samples) {
            return samples.peekLast();
        }
    }
}
