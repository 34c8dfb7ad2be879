package org.switchboard.operations.boundary;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.operations.boundary.QueueStatus.Kind;
import org.switchboard.operations.control.BrokerQueues;

/**
 * Samples every broker queue on a timer (every {@code switchboard.ops.sample-seconds}, default 5)
 * and keeps the last ten minutes of samples per queue: the rates and the dashboard's chart come
 * from them, and each sample is announced as a {@link QueuesSampled} event, which the dead-letter
 * alerts watch. {@link #now()} reads the broker afresh, for callers that need exact numbers.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class QueueMonitor {

    static final Duration KEEP = Duration.ofMinutes(10);

    private final BrokerQueues broker = new BrokerQueues();
    private final Map<String, Deque<QueueStatus>> history = new ConcurrentHashMap<>();

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
        var queues = now();
        for (var status : queues) {
            var samples = history.computeIfAbsent(status.queue(), q -> new ArrayDeque<>());
            synchronized (samples) {
                samples.addLast(status);
                while (!samples.isEmpty()
                        && samples.peekFirst()
                                .sampledAt()
                                .isBefore(status.sampledAt().minus(KEEP))) {
                    samples.removeFirst();
                }
            }
        }
        history.keySet().retainAll(queues.stream().map(QueueStatus::queue).toList());
        sampled.fire(new QueuesSampled(queues));
    }

    /** Every queue as the broker reports it right now; rates against the last timed sample. */
    public List<QueueStatus> now() {
        var samples = broker.sample();
        var addresses = new ArrayList<>(
                new HashSet<>(samples.stream().map(BrokerQueues.Sample::address).toList()));
        var routes = broker.routes(addresses);
        var deadLetterAddresses = new HashSet<String>();
        var expiryAddresses = new HashSet<String>();
        routes.values().forEach(r -> {
            if (r.deadLetterAddress() != null) {
                deadLetterAddresses.add(r.deadLetterAddress());
            }
            if (r.expiryAddress() != null) {
                expiryAddresses.add(r.expiryAddress());
            }
        });
        var depthByAddress = new java.util.HashMap<String, Long>();
        var queueByAddress = new java.util.HashMap<String, String>();
        for (var s : samples) {
            depthByAddress.merge(s.address(), s.depth(), Long::sum);
            queueByAddress.putIfAbsent(s.address(), s.queue());
        }
        var statuses = new ArrayList<QueueStatus>();
        for (var s : samples) {
            var kind = deadLetterAddresses.contains(s.address())
                    ? Kind.DEAD_LETTER
                    : expiryAddresses.contains(s.address())
                            ? Kind.EXPIRY
                            : s.multicast() ? Kind.SUBSCRIPTION : Kind.QUEUE;
            var route = routes.get(s.address());
            var dla = kind == Kind.QUEUE || kind == Kind.SUBSCRIPTION ? route.deadLetterAddress() : null;
            var previous = last(s.queue());
            var seconds = previous == null
                    ? 0
                    : Duration.between(previous.sampledAt(), s.at()).toMillis() / 1000.0;
            statuses.add(new QueueStatus(
                    s.queue(),
                    s.address(),
                    kind,
                    dla == null ? null : queueByAddress.getOrDefault(dla, dla),
                    s.depth(),
                    s.inFlight(),
                    s.scheduled(),
                    s.consumers(),
                    s.added(),
                    s.acknowledged(),
                    s.killed(),
                    rate(previous == null ? s.added() : previous.messagesAdded(), s.added(), seconds),
                    rate(
                            previous == null ? s.acknowledged() : previous.messagesAcknowledged(),
                            s.acknowledged(),
                            seconds),
                    s.depth() == 0 ? null : s.oldestMessageAgeMillis(),
                    dla == null ? 0 : depthByAddress.getOrDefault(dla, 0L),
                    s.at()));
        }
        statuses.sort(java.util.Comparator.comparing(QueueStatus::queue));
        return statuses;
    }

    /** The samples of the last ten minutes, oldest first, per queue. */
    public Map<String, List<QueueStatus>> history() {
        var copy = new java.util.TreeMap<String, List<QueueStatus>>();
        history.forEach((queue, samples) -> {
            synchronized (samples) {
                copy.put(queue, List.copyOf(samples));
            }
        });
        return copy;
    }

    public BrokerQueues broker() {
        return broker;
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

    private static double rate(long before, long after, double seconds) {
        return seconds <= 0 ? 0 : Math.max(0, after - before) / seconds;
    }
}
