package org.switchboard.partners.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.alerts.AlertWebhook;
import org.switchboard.partners.entity.AttemptOutcome;

/**
 * Posts due webhook deliveries, every second, outside any transaction. A run leases a batch
 * ({@link DeliveryTable#lease}: {@code FOR UPDATE SKIP LOCKED}, so several nodes share the table),
 * posts each delivery in turn, signed ({@link WebhookSignature}) with the endpoint's secret, and
 * records how it went: 2xx is DELIVERED; anything else waits for its next attempt
 * ({@link RetrySchedule}) or, after the last, is FAILED, counted and alerted. An endpoint's
 * consecutive failures are counted and it is disabled at {@code disable-after}. A relay that dies
 * between the post and the record leaves its rows leased: when the lease runs out they are posted
 * again with the same {@code Webhook-Id}, which the partner deduplicates on (at least once).
 */
@Singleton
@DependsOn("PartnersSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookRelay {

    private static final System.Logger LOG = System.getLogger(WebhookRelay.class.getName());
    static final int BATCH = 20;

    /** Fault point: the partner has the delivery, the relay dies before recording it. */
    public static final String FAULT_AFTER_POST = "partners.relay.after-post";

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @Inject
    WebhookSettings settings;

    @Inject
    WebhookMetrics metrics;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private AlertWebhook alerts;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private HttpClient http;

    @PostConstruct
    void open() {
        alerts = new AlertWebhook(scheduler);
        http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "webhook relay")
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            var table = new DeliveryTable(dataSource);
            int leased;
            do {
                var batch = table.lease(BATCH, settings.lease());
                leased = batch.size();
                for (var due : batch) {
                    deliver(table, due);
                }
            } while (leased == BATCH);
            if (failing.compareAndSet(true, false)) {
                LOG.log(System.Logger.Level.INFO, "Webhook relay works again");
            }
        } catch (SQLException | RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Webhook relay cannot run, retrying every second: {0}",
                        e.toString());
            }
        } finally {
            running.set(false);
        }
    }

    private void deliver(DeliveryTable table, DeliveryTable.Due due) throws SQLException {
        var attempt = post(due);
        metrics.attempted(attempt.outcome());
        if (attempt.outcome() == AttemptOutcome.DELIVERED) {
            // As if this node died here: the partner has it, the row stays leased until its lease ends.
            FaultPoints.pass(FAULT_AFTER_POST, due.event().correlationId());
            table.delivered(due.id());
            table.endpointAnswered(due.target().endpointId());
            return;
        }
        if (table.endpointFailed(due.target().endpointId(), settings.disableAfter(), attempt.detail())) {
            alerts.post(alert(
                    "WEBHOOK_ENDPOINT_DISABLED",
                    due.target().endpointId().toString(),
                    settings.disableAfter(),
                    "Endpoint disabled after " + settings.disableAfter() + " failed attempts in a row; last: "
                            + attempt.detail() + ". An operator enables it again: POST /api/ops/partners/endpoints/"
                            + due.target().endpointId() + "/enable",
                    due.target().url()));
            LOG.log(
                    System.Logger.Level.ERROR,
                    "Alert: webhook endpoint {0} ({1}) disabled after {2} failed attempts in a row; last: {3}",
                    due.target().endpointId(),
                    due.target().url(),
                    settings.disableAfter(),
                    attempt.detail());
        }
        var wait = settings.retries().after(due.attempt(), ThreadLocalRandom.current());
        if (wait.isPresent()) {
            table.retry(due.id(), wait.get(), attempt.detail());
            return;
        }
        table.failed(due.id(), attempt.detail());
        metrics.gaveUp();
        alerts.post(alert(
                "WEBHOOK_DELIVERY_FAILED",
                Long.toString(due.id()),
                due.attempt(),
                "Delivery of " + due.event().type() + " " + due.event().id() + " FAILED after " + due.attempt()
                        + " attempts; last: " + attempt.detail() + ". An operator may replay it: POST"
                        + " /api/ops/partners/deliveries/" + due.id() + "/replay",
                due.target().url()));
        LOG.log(
                System.Logger.Level.ERROR,
                "Alert: webhook delivery {0} of event {1} ({2}) to {3} FAILED after {4} attempts; last: {5}."
                        + " An operator may replay it: POST /api/ops/partners/deliveries/{0}/replay",
                due.id(),
                due.event().id(),
                due.event().type(),
                due.target().url(),
                due.attempt(),
                attempt.detail());
    }

    /**
     * A notice for the operators' alert receiver, in the fields Operations' alerts have: nothing
     * stays open to be resolved, the delivery or endpoint is the incident's id.
     */
    private static java.util.Map<String, Object> alert(String kind, String id, long count, String reason, String url) {
        var now = Instant.now();
        var alert = new java.util.LinkedHashMap<String, Object>();
        alert.put("incidentId", id);
        alert.put("kind", kind);
        alert.put("type", "NOTICE");
        alert.put("count", count);
        alert.put("reason", reason);
        alert.put("originalAddress", url);
        alert.put("incidentStarted", now.toString());
        alert.put("at", now.toString());
        return alert;
    }

    /** How one post went, with what to record as the error. */
    record Attempt(AttemptOutcome outcome, String detail) {}

    private Attempt post(DeliveryTable.Due due) {
        var timestamp = Instant.now().getEpochSecond();
        try {
            var request = HttpRequest.newBuilder(URI.create(due.target().url()))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Switchboard-Webhooks/1")
                    .header("Webhook-Id", due.event().id().toString())
                    .header("Webhook-Event-Type", due.event().type())
                    .header("Webhook-Timestamp", Long.toString(timestamp))
                    .header("Webhook-Attempt", Integer.toString(due.attempt()))
                    .header(
                            "Webhook-Signature",
                            WebhookSignature.sign(
                                    due.target().secret(),
                                    timestamp,
                                    due.event().body()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.event().body()))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            var status = response.statusCode();
            return status >= 200 && status < 300
                    ? new Attempt(AttemptOutcome.DELIVERED, null)
                    : new Attempt(AttemptOutcome.REJECTED, "HTTP " + status);
        } catch (IOException e) {
            // A refused connection says nothing but its class; a timeout or reset says more.
            return new Attempt(
                    AttemptOutcome.UNREACHABLE,
                    e.getMessage() == null
                            ? e.getClass().getSimpleName()
                            : e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(AttemptOutcome.UNREACHABLE, "interrupted");
        }
    }
}
