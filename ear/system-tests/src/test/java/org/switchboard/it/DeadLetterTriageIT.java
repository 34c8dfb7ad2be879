package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.jms.Queue;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.switchboard.messaging.JsonMessages;

/** Dead letters grouped by origin and reason, bodies masked, revealed only to operators and approvers. */
class DeadLetterTriageIT extends InContainerTest {

    static final String DLQ = "jms.queue.DLQ.marketing.commands";

    @Resource(lookup = "java:/jms/queue/marketing.commands")
    Queue marketingCommands;

    @Resource(lookup = "java:/jms/queue/DLQ.marketing.commands")
    Queue deadLetters;

    @Test
    void groupsByOriginAndReasonAndMasksPersonalData() throws Exception {
        var command = schemaViolation(marketingCommands, deadLetters);
        var correlationId = command.correlationId();
        // What was sent, exactly: the revealed body must be it.
        var body = JsonMessages.toJson(command).replaceFirst("\"customerSince\":\"[^\"]*\",?", "");

        var groups = api.as("viewer").get("api/ops/dead-letters").array().getValuesAs(JsonObject.class);
        var group = groups.stream()
                .filter(g -> g.getString("queue").equals(DLQ)
                        && g.getString("reason").equals("SCHEMA_VIOLATION"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no SCHEMA_VIOLATION group in " + groups));
        assertThat(group.getString("originalAddress")).isEqualTo("jms.queue.marketing.commands");
        var letter = group.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> correlationId.toString().equals(m.getString("correlationId", null)))
                .findFirst()
                .orElseThrow();
        assertThat(group.getInt("count"))
                .isEqualTo(group.getJsonArray("messages").size());
        assertThat(letter.getBoolean("masked")).isTrue();
        assertThat(letter.getString("body"))
                .doesNotContain(command.email())
                .contains("\"email\":\"" + command.email().charAt(0) + "***@example.org\"")
                .contains("\"fullName\":\"V***\"")
                .contains(command.customerId().toString());
        assertThat(letter.getString("detail")).contains("customerSince");
        assertThat(letter.getInt("deliveryCount")).isEqualTo(1);
        assertThat(letter.getJsonObject("properties").getString("deadLetterConsumer"))
                .contains("CreateCustomerListener");

        var path = "api/ops/dead-letters/" + DLQ + "/messages/"
                + URLEncoder.encode(letter.getString("id"), StandardCharsets.UTF_8);
        assertThat(api.as("viewer").get(path + "?reveal=true").status()).isEqualTo(403);
        var revealed = api.as("operator").get(path + "?reveal=true");
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.json().getBoolean("masked")).isFalse();
        assertThat(revealed.json().getString("body")).isEqualTo(body);
        assertThat(api.as("viewer").get(path).json().getString("body")).doesNotContain(command.email());
        assertThat(api.as("viewer")
                        .get("api/ops/dead-letters/" + DLQ + "/messages/ID:0000")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("api/ops/dead-letters").status()).isEqualTo(401);
        drain(deadLetters, correlationId);
    }
}
