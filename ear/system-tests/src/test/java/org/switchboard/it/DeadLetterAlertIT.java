package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Queue;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The first message in a dead-letter queue raises one alert, signed and delivered to the webhook
 * (retried when the receiver fails), within 30 seconds; more dead letters in the same incident
 * raise no new alert; a reminder follows while it lasts; draining the queue resolves it.
 */
class DeadLetterAlertIT extends InContainerTest {

    static final String QUEUE = "jms.queue.DLQ.marketing.commands";
    static final String SECRET = "it-webhook-secret";

    @Resource(lookup = "java:/jms/queue/marketing.commands")
    Queue marketingCommands;

    @Resource(lookup = "java:/jms/queue/DLQ.marketing.commands")
    Queue deadLetters;

    @AfterEach
    void reset() {
        System.clearProperty("switchboard.alerts.webhook.url");
        System.clearProperty("switchboard.alerts.webhook.secret");
        System.clearProperty("switchboard.alerts.reminder-seconds");
        AlertWebhookReceiver.FAIL_NEXT.set(0);
    }

    @Test
    void oneAlertPerIncidentWithinThirtySecondsThenAReminderThenTheResolution() throws Exception {
        System.setProperty("switchboard.alerts.webhook.url", base + "api/test/alert-webhook");
        System.setProperty("switchboard.alerts.webhook.secret", SECRET);
        System.setProperty("switchboard.alerts.reminder-seconds", "12");
        // A clean slate: the suite shares one deployment (SharedDeployment), so earlier classes'
        // dead letters are open incidents here; each closes at the next sample once its queue is empty.
        emptyEveryDeadLetterQueue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var health = api.as("viewer").get("api/ops/health").json();
            assertThat(health.getString("status"))
                    .as("health with every dead-letter queue empty: %s", health)
                    .isEqualTo("UP");
        });
        AlertWebhookReceiver.DELIVERIES.clear();
        AlertWebhookReceiver.FAIL_QUEUE = QUEUE;
        AlertWebhookReceiver.FAIL_NEXT.set(1);

        var failedAt = Instant.now();
        sendUnreadableCommand();

        var first = await().atMost(Duration.ofSeconds(30)).until(() -> delivery("OPENED", 1), d -> d != null);
        var latency = Duration.between(failedAt, first.received());
        System.out.println("Dead-letter alert latency: " + latency.toMillis() + " ms");
        assertThat(latency).isLessThan(Duration.ofSeconds(30));
        // The receiver answered the first attempt with 503: the same delivery comes again.
        var opened = await().atMost(Duration.ofSeconds(10)).until(() -> delivery("OPENED", 2), d -> d != null);
        assertThat(opened.id()).as("a retry keeps its delivery id").isEqualTo(first.id());
        assertThat(opened.signature()).isEqualTo("sha256=" + hmac(opened.body()));
        var alert = opened.json();
        assertThat(alert.getString("queue")).isEqualTo(QUEUE);
        assertThat(alert.getJsonNumber("count").longValue()).isPositive();
        assertThat(alert.getString("reason")).startsWith("UNKNOWN_TYPE");
        assertThat(alert.getString("originalAddress")).isEqualTo("jms.queue.marketing.commands");
        var incident = alert.getString("incidentId");
        assertThat(api.as("viewer").get("api/ops/health").json().getString("status"))
                .isEqualTo("DEGRADED");

        sendUnreadableCommand();
        sendUnreadableCommand();
        var reminder = await().atMost(Duration.ofSeconds(30)).until(() -> delivery("REMINDER", 1), d -> d != null);
        assertThat(reminder.json().getString("incidentId")).isEqualTo(incident);
        assertThat(reminder.json().getJsonNumber("count").longValue()).isGreaterThanOrEqualTo(3);
        assertThat(AlertWebhookReceiver.DELIVERIES)
                .as("one OPENED for the incident, however many dead letters")
                .filteredOn(d -> d.json().getString("type").equals("OPENED")
                        && QUEUE.equals(d.json().getString("queue", null)))
                .extracting(AlertWebhookReceiver.Delivery::id)
                .containsOnly(opened.id());

        purgeDeadLetters(deadLetters);
        var resolved = await().atMost(Duration.ofSeconds(30)).until(() -> delivery("RESOLVED", 1), d -> d != null);
        assertThat(resolved.json().getString("incidentId")).isEqualTo(incident);
        assertThat(openIncident()).isFalse();
        assertThat(api.as("viewer").get("api/ops/alerts").array().getValuesAs(JsonObject.class))
                .filteredOn(a -> a.getString("incidentId").equals(incident))
                .extracting(a -> a.getString("type"))
                .startsWith("RESOLVED")
                .contains("REMINDER", "OPENED");
    }

    private void sendUnreadableCommand() {
        try (var jms = connectionFactory.createContext()) {
            jms.createProducer()
                    .send(
                            marketingCommands,
                            InvalidMessagesIT.raw(jms, "marketing.Unknown", 1, UUID.randomUUID(), null, "{}"));
        }
    }

    /** Empties every dead-letter queue the broker has, whatever earlier tests left in them. */
    private static void emptyEveryDeadLetterQueue() {
        for (var address : Broker.jmsAddresses()) {
            if (address.startsWith("jms.queue.DLQ.")) {
                Broker.remove(address, null);
            }
        }
    }

    /** Empties a dead-letter queue (an incident's end), whatever earlier tests left. */
    private void purgeDeadLetters(Queue queue) {
        try (var jms = connectionFactory.createContext();
                var consumer = jms.createConsumer(queue)) {
            while (consumer.receive(200) != null) {
                // removed
            }
        }
    }

    private boolean openIncident() {
        return api
                .as("viewer")
                .get("api/ops/health")
                .json()
                .getJsonArray("openIncidents")
                .getValuesAs(JsonObject.class)
                .stream()
                .anyMatch(i -> i.getString("queue").equals(QUEUE));
    }

    /** The first delivery attempt {@code attempt} of an alert of this type for QUEUE, or null. */
    private static AlertWebhookReceiver.Delivery delivery(String type, int attempt) {
        return AlertWebhookReceiver.DELIVERIES.stream()
                .filter(d -> d.attempt() == attempt
                        && d.json().getString("type").equals(type)
                        && d.json().getString("queue").equals(QUEUE))
                .findFirst()
                .orElse(null);
    }

    private static String hmac(String body) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
