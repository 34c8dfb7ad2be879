package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A dead letter goes back only with four eyes: requested by one user, approved by another, then
 * consumed exactly once, with every step in the audit trail. A rejected request changes nothing.
 */
class FourEyesReplayIT extends InContainerTest {

    static final String DLQ = "jms.queue.DLQ.marketing.commands";

    @Resource(lookup = "java:/jms/queue/marketing.commands")
    Queue marketingCommands;

    @Resource(lookup = "java:/jms/queue/DLQ.marketing.commands")
    Queue deadLetters;

    @Test
    void requestedByOneApprovedByAnotherConsumedExactlyOnceAndAudited() {
        var command = parkedCommand(marketingCommands, deadLetters);

        var id = deadLetterId(command.correlationId());
        var created =
                api.as("lead").post("api/ops/requests", request("REPLAY", id, "Marketing's database is back"), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var request = created.json();
        var requestId = request.getString("id");
        assertThat(request.getString("status")).isEqualTo("PENDING");
        assertThat(request.getJsonArray("dryRun").getString(0))
                .contains("back to jms.queue.marketing.commands")
                .contains("valid against the current schema of marketing.CreateCustomer v1")
                .contains(command.messageId().toString());

        var own = api.as("lead").post("api/ops/requests/" + requestId + "/approve", reason("looks fine"), null);
        assertThat(own.status()).as("nobody approves their own request").isEqualTo(403);
        assertThat(own.json().getString("detail")).contains("lead requested this");
        assertThat(api.as("operator")
                        .post("api/ops/requests/" + requestId + "/approve", reason("x"), null)
                        .status())
                .as("an operator is no approver")
                .isEqualTo(403);
        assertThat(api.as("viewer")
                        .post("api/ops/requests", request("REPLAY", id, "x"), null)
                        .status())
                .as("a viewer cannot request")
                .isEqualTo(403);
        assertThat(tables.contactsOfCustomer(command.customerId()))
                .as("nothing replayed yet")
                .isZero();

        var approved = api.as("approver").post("api/ops/requests/" + requestId + "/approve", reason("checked"), null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().getString("decidedBy")).isEqualTo("approver");
        // Carried out after the approval is committed, off the request thread.
        assertThat(carriedOut(requestId).getString("status")).isEqualTo("DONE");

        await().atMost(Duration.ofSeconds(30)).until(() -> tables.contactsOfCustomer(command.customerId()) == 1);
        assertThat(tables.processedMessages(command.messageId()))
                .as("consumed exactly once")
                .isEqualTo(1);
        assertThat(api.as("approver")
                        .post("api/ops/requests/" + requestId + "/approve", reason("again"), null)
                        .status())
                .as("a decided request cannot be approved twice")
                .isEqualTo(422);
        assertThat(tables.processedMessages(command.messageId())).isEqualTo(1);

        var trail = api.as("viewer").get("api/ops/audit").array().getValuesAs(JsonObject.class).stream()
                .filter(a -> requestId.equals(a.getString("requestId", null)))
                .map(a -> a.getString("action") + " by " + a.getString("actor"))
                .toList();
        assertThat(trail)
                .containsExactly(
                        "REPLAY_FINISHED by approver",
                        "REPLAYED by approver",
                        "REPLAY_STARTED by approver",
                        "APPROVED by approver",
                        "SELF_DECISION_REFUSED by lead",
                        "REQUESTED_REPLAY by lead");
        var page = api.as("viewer").get("ops/dead-letters.xhtml");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .as("the page shows the request and its audit trail")
                .contains("Marketing's database is back")
                .contains("SELF_DECISION_REFUSED")
                .contains("REPLAYED")
                .doesNotContain("Something went wrong");
    }

    @Test
    void aRejectedRequestChangesNothing() throws Exception {
        var command = parkedCommand(marketingCommands, deadLetters);
        var id = deadLetterId(command.correlationId());
        var requestId = api.as("operator")
                .post("api/ops/requests", request("DELETE", id, "test data"), null)
                .json()
                .getString("id");

        var rejected = api.as("approver").post("api/ops/requests/" + requestId + "/reject", reason("keep it"), null);

        assertThat(rejected.json().getString("status")).isEqualTo("REJECTED");
        assertThat(firstOf(deadLetters, command.correlationId()))
                .as("still parked")
                .isNotNull();
        assertThat(api.as("viewer").get("api/ops/requests/" + requestId).json().getString("decision"))
                .isEqualTo("keep it");
        drain(deadLetters, command.correlationId());
    }

    @Test
    void anApprovedDeletionRemovesTheMessageForGood() {
        var command = parkedCommand(marketingCommands, deadLetters);
        var id = deadLetterId(command.correlationId());
        var requestId = api.as("operator")
                .post("api/ops/requests", request("DELETE", id, "a test customer"), null)
                .json()
                .getString("id");

        var approved = api.as("approver").post("api/ops/requests/" + requestId + "/approve", reason("agreed"), null);

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        var done = carriedOut(requestId);
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getJsonArray("outcome").getString(0)).endsWith("deleted");
        await().atMost(Duration.ofSeconds(10)).until(() -> firstOf(deadLetters, command.correlationId()) == null);
        assertThat(tables.contactsOfCustomer(command.customerId())).isZero();
    }

    @Test
    void liveQueuesAreNotForTriageOrRequests() {
        var live = request("DELETE", "ID:0f8e2c1a-3b7d-4c55-9a61-2d7c1f0e9b34", "oops")
                .replace(DLQ, "jms.queue.marketing.commands");

        var refused = api.as("operator").post("api/ops/requests", live, null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().getString("detail")).contains("not a dead-letter queue");
        assertThat(api.as("operator")
                        .get("api/ops/dead-letters/jms.queue.marketing.commands/messages/ID:0f8e2c1a?reveal=true")
                        .status())
                .isEqualTo(404);
    }

    /** The request once carrying it out has ended (it is APPROVED while that runs). */
    private JsonObject carriedOut(String requestId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.as("viewer")
                                .get("api/ops/requests/" + requestId)
                                .json(),
                        r -> !"APPROVED".equals(r.getString("status")));
    }

    private static String request(String action, String id, String why) {
        return Json.createObjectBuilder()
                .add("action", action)
                .add("queue", DLQ)
                .add("messageIds", Json.createArrayBuilder().add(id))
                .add("reason", why)
                .build()
                .toString();
    }

    private static String reason(String why) {
        return Json.createObjectBuilder().add("reason", why).build().toString();
    }
}
