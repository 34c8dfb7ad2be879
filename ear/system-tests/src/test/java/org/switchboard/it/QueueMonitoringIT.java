package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Queue;
import jakarta.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** /api/ops/queues shows what the broker itself reports through WildFly's management model. */
class QueueMonitoringIT extends InContainerTest {

    @Resource(lookup = "java:/jms/queue/marketing.commands")
    Queue marketingCommands;

    @Resource(lookup = "java:/jms/queue/DLQ.marketing.commands")
    Queue deadLetters;

    @Test
    void depthsAndDeadLetterCountsMatchTheManagementModel() throws Exception {
        var correlationId = UUID.randomUUID();
        try (var jms = connectionFactory.createContext()) {
            for (int i = 0; i < 3; i++) {
                jms.createProducer()
                        .send(
                                marketingCommands,
                                InvalidMessagesIT.raw(
                                        jms, "marketing.CreateCustomer", 1, UUID.randomUUID(), correlationId, "{}"));
            }
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> countInModel("DLQ.marketing.commands") >= 3);

        var queues = api.as("viewer").get("api/ops/queues").array().getValuesAs(JsonObject.class);
        var modelDeadLetters = countInModel("DLQ.marketing.commands");
        var modelCommands = countInModel("marketing.commands");

        var dlq = find(queues, "jms.queue.DLQ.marketing.commands");
        var commands = find(queues, "jms.queue.marketing.commands");
        assertThat(dlq.getString("kind")).isEqualTo("DEAD_LETTER");
        assertThat(dlq.getJsonNumber("depth").longValue()).isEqualTo(modelDeadLetters);
        assertThat(commands.getString("kind")).isEqualTo("QUEUE");
        assertThat(commands.getString("deadLetterQueue")).isEqualTo("jms.queue.DLQ.marketing.commands");
        assertThat(commands.getJsonNumber("deadLetterDepth").longValue()).isEqualTo(modelDeadLetters);
        assertThat(commands.getJsonNumber("depth").longValue()).isEqualTo(modelCommands);
        assertThat(commands.getInt("consumers")).as("the MDB's sessions").isPositive();
        assertThat(dlq.getJsonNumber("oldestMessageAgeMillis").longValue()).isNotNegative();
        assertThat(find(queues, "integration").getString("kind")).isEqualTo("SUBSCRIPTION");
        assertThat(find(queues, "integration").getString("deadLetterQueue")).isEqualTo("jms.queue.DLQ.webstore.events");
        assertThat(find(queues, "jms.queue.ExpiryQueue").getString("kind")).isEqualTo("EXPIRY");
        drain(deadLetters, correlationId);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> find(
                                        api.as("viewer")
                                                .get("api/ops/queues")
                                                .array()
                                                .getValuesAs(JsonObject.class),
                                        "jms.queue.DLQ.marketing.commands")
                                .getJsonNumber("depth")
                                .longValue()
                        == countInModel("DLQ.marketing.commands"));
    }

    @Test
    void theSampledHistoryFeedsRates() {
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.as("viewer")
                                .get("api/ops/queues/history")
                                .json()
                                .getJsonArray("jms.queue.marketing.commands"),
                        samples -> samples != null && samples.size() >= 2);
    }

    @Test
    void prometheusOnTheManagementPortReportsTheSameDepths() throws Exception {
        var correlationId = UUID.randomUUID();
        try (var jms = connectionFactory.createContext()) {
            jms.createProducer()
                    .send(
                            marketingCommands,
                            InvalidMessagesIT.raw(
                                    jms, "marketing.CreateCustomer", 1, UUID.randomUUID(), correlationId, "{}"));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> countInModel("DLQ.marketing.commands") >= 1);

        var depth = find(
                        api.as("viewer").get("api/ops/queues").array().getValuesAs(JsonObject.class),
                        "jms.queue.DLQ.marketing.commands")
                .getJsonNumber("depth")
                .longValue();
        var metrics = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(managementUrl() + "/metrics"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        var line =
                "wildfly_messaging_activemq_message_count{server=\"default\",runtime_queue=\"jms.queue.DLQ.marketing.commands\"} ";
        assertThat(metrics.lines().filter(l -> l.startsWith(line)).map(l -> l.substring(line.length())))
                .as("Prometheus text at :9990/metrics")
                .containsExactly(depth + ".0");

        // Switchboard's own metrics, next to WildFly's: the queue's kind, read from the address
        // settings, and the oldest message's age; an open incident for the non-empty DLQ.
        var ours = "switchboard_queue_messages{WF_DEPLOYMENT=";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var prometheus = scrape(managementUrl() + "/prometheus");
            assertThat(prometheus
                            .lines()
                            .filter(l -> l.startsWith(ours))
                            .filter(l -> l.contains("kind=\"DEAD_LETTER\""))
                            .filter(l -> l.contains("queue=\"jms.queue.DLQ.marketing.commands\""))
                            .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))))
                    .as("switchboard_queue_messages of the DLQ at :9990/prometheus")
                    .singleElement()
                    .satisfies(value -> assertThat(value).isGreaterThanOrEqualTo(1.0));
            assertThat(prometheus
                            .lines()
                            .filter(l -> l.startsWith("switchboard_queue_oldest_message_age_seconds{"))
                            .filter(l -> l.contains("queue=\"jms.queue.DLQ.marketing.commands\"")))
                    .hasSize(1);
            assertThat(prometheus
                            .lines()
                            .filter(l -> l.startsWith("switchboard_dead_letter_incidents_open{"))
                            .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))))
                    .singleElement()
                    .satisfies(value -> assertThat(value).isGreaterThanOrEqualTo(1.0));
            assertThat(prometheus.lines().filter(l -> l.startsWith("# HELP switchboard_")))
                    .as("every metric of Switchboard's says what it is")
                    .anySatisfy(
                            l -> assertThat(l).startsWith("# HELP switchboard_queue_messages Messages in the queue"))
                    .anySatisfy(
                            l -> assertThat(l).startsWith("# HELP switchboard_queue_oldest_message_age_seconds Age"))
                    .anySatisfy(
                            l -> assertThat(l).startsWith("# HELP switchboard_dead_letter_incidents_open Dead-letter"));
        });
        drain(deadLetters, correlationId);
    }

    private static String scrape(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** messageCount of a JMS queue in WildFly's management model (its resolved model over JMX). */
    static long countInModel(String jmsQueue) throws Exception {
        var name = new ObjectName("jboss.as:subsystem=messaging-activemq,server=default,jms-queue=" + jmsQueue);
        return ((Number) ManagementFactory.getPlatformMBeanServer().getAttribute(name, "messageCount")).longValue();
    }

    private static JsonObject find(java.util.List<JsonObject> queues, String queue) {
        return queues.stream()
                .filter(q -> q.getString("queue").equals(queue))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no queue " + queue + " in " + queues));
    }

    /** The management interface of this server (9990, moved by a port offset when one is set). */
    static String managementUrl() {
        var port = Integer.getInteger("jboss.management.http.port", 9990)
                + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return "http://localhost:" + port;
    }
}
