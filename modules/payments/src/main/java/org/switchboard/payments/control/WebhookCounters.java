package org.switchboard.payments.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.messaging.metrics.DescribedMeters;
import org.switchboard.payments.entity.RecentRefusal;
import org.switchboard.payments.entity.Refusal;
import org.switchboard.payments.entity.WebhookOutcome;

/**
 * What came of the provider's notifications on this node: {@code
 * switchboard_payment_provider_webhooks_total{outcome}} in {@code /prometheus} (accepted, duplicate,
 * ignored, bad_signature, stale, malformed, not_configured), the same counts since start for the
 * dashboard, and the last refusals with their reasons. A refusal is also logged, without the body.
 */
@ApplicationScoped
public class WebhookCounters {

    private static final System.Logger LOG = System.getLogger(WebhookCounters.class.getName());

    static final String WEBHOOKS = "switchboard.payment.provider.webhooks";

    private static final int KEPT = 20;

    @Inject
    MeterRegistry registry;

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Deque<RecentRefusal> recent = new ArrayDeque<>();

    private DescribedMeters meters;

    @PostConstruct
    void register() {
        meters = new DescribedMeters(registry);
        for (var outcome : WebhookOutcome.values()) {
            meter(outcome.name());
        }
        for (var refusal : Refusal.values()) {
            meter(refusal.name());
        }
    }

    public void count(WebhookOutcome outcome) {
        increment(outcome.name());
    }

    public void refused(Refusal refusal, String claimedEventId, String detail) {
        increment(refusal.name());
        LOG.log(
                System.Logger.Level.WARNING,
                "Provider notification {0} refused: {1} ({2})",
                claimedEventId,
                refusal,
                detail);
        synchronized (recent) {
            recent.addFirst(new RecentRefusal(Instant.now(), refusal, claimedEventId, detail));
            while (recent.size() > KEPT) {
                recent.removeLast();
            }
        }
    }

    /** Counts since this node started, by outcome in lower case, every outcome present. */
    public Map<String, Long> counts() {
        var all = new LinkedHashMap<String, Long>();
        for (var outcome : WebhookOutcome.values()) {
            all.put(tag(outcome.name()), counts.get(outcome.name()).get());
        }
        for (var refusal : Refusal.values()) {
            all.put(tag(refusal.name()), counts.get(refusal.name()).get());
        }
        return all;
    }

    public List<RecentRefusal> recentRefusals() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    private void increment(String outcome) {
        meter(outcome).increment();
        counts.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
    }

    private Counter meter(String outcome) {
        counts.computeIfAbsent(outcome, o -> new AtomicLong());
        return meters.counter(
                WEBHOOKS,
                "Provider notifications received by Payments, by what came of them",
                Tags.of("outcome", tag(outcome)));
    }

    private static String tag(String outcome) {
        return outcome.toLowerCase(Locale.ROOT);
    }
}
